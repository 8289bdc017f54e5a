package io.callisto.gateway.sipp;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One-shot SIP probes against 127.0.0.1: sipsak's OPTIONS ping and the sipvicious scanners svmap (which SIP
 * devices answer) and svwar (which extensions exist: it reports users whose REGISTER/INVITE/OPTIONS answer
 * differs from the one for a user that cannot exist). For "scans find nothing" tests of the gateway.
 * Each tool binds 127.0.0.1 and targets 127.0.0.1 only.
 */
public final class SipProbe {

    private SipProbe() {
    }

    /** A finished tool run: exit code (-1 when killed at the deadline) and its stdout and stderr together. */
    public record Result(List<String> command, int exitCode, boolean timedOut, String output) {
        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exitCode + (timedOut ? " (killed)" : "") + "\n" + output;
        }
    }

    /**
     * A sipvicious run with the rows of the table it printed (each row's cells, without the header row);
     * empty when it found nothing.
     */
    public record ScanResult(Result run, List<List<String>> rows) {
        public boolean foundNothing() {
            return rows.isEmpty();
        }

        @Override
        public String toString() {
            return run + "\nrows: " + rows;
        }
    }

    /**
     * {@code sipsak -s sip:probe@127.0.0.1:port} over UDP: exit 0 when a 200 came back, 1 for another final
     * response, 3 for no answer. The output holds the response (-vv).
     */
    public static Result sipsakOptions(int port, Duration timeout) {
        return run(timeout, "sipsak", "-s", "sip:probe@127.0.0.1:" + port, "-H", "127.0.0.1", "-vv");
    }

    /** {@code sipsak} OPTIONS over TCP ({@code -E tcp}). */
    public static Result sipsakOptionsTcp(int port, Duration timeout) {
        return run(timeout, "sipsak", "-s", "sip:probe@127.0.0.1:" + port, "-H", "127.0.0.1", "-E", "tcp", "-vv");
    }

    /** {@code svmap -p port 127.0.0.1}: one row (address, user agent) per SIP device that answered OPTIONS. */
    public static ScanResult svmap(int port, Duration timeout) {
        Result run = run(timeout, "svmap", "-p", Integer.toString(port), "-b", "127.0.0.1", "-x", "127.0.0.1",
                "-P", Integer.toString(Ports.sipPort()), "127.0.0.1");
        return new ScanResult(run, tableRows(run.output()));
    }

    /**
     * {@code svwar -e extensions -m REGISTER -p port 127.0.0.1}: one row (extension, authentication) per
     * extension found. svwar gives up at once, finding nothing, when a made-up user is challenged too.
     */
    public static ScanResult svwar(int port, String extensions, Duration timeout) {
        return svwar(port, extensions, "REGISTER", false, timeout);
    }

    /** svwar with a method (REGISTER, OPTIONS or INVITE) and optionally --force (skip its sanity check). */
    public static ScanResult svwar(int port, String extensions, String method, boolean force, Duration timeout) {
        List<String> command = new ArrayList<>(List.of("svwar", "-e", extensions, "-m", method, "-p", Integer.toString(port),
                "-b", "127.0.0.1", "-x", "127.0.0.1", "-P", Integer.toString(Ports.sipPort())));
        if (force) command.add("--force");
        command.add("127.0.0.1");
        Result run = run(timeout, command.toArray(String[]::new));
        return new ScanResult(run, tableRows(run.output()));
    }

    /** The body rows of the ASCII tables sipvicious prints ("| a | b |" after the "+===+" line). */
    public static List<List<String>> tableRows(String output) {
        List<List<String>> rows = new ArrayList<>();
        boolean body = false;
        for (String line : output.split("\r?\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("+=")) {
                body = true;
            } else if (trimmed.length() > 1 && trimmed.startsWith("|") && trimmed.endsWith("|")) {
                if (body) {
                    rows.add(Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split("\\|")).map(String::trim).toList());
                }
            } else if (!trimmed.startsWith("+-")) {
                body = false;
            }
        }
        return rows;
    }

    private static Result run(Duration timeout, String... command) {
        try {
            Path output = Files.createTempFile("sip-probe", ".txt");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    process.destroy();
                    if (!process.waitFor(3, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                }
                String text = Files.readString(output, StandardCharsets.ISO_8859_1);
                return new Result(List.of(command), finished ? process.exitValue() : -1, !finished, text);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command[0], e);
        }
    }
}
