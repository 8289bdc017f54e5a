package io.callisto.gateway.robust;

import io.callisto.gateway.sipp.Ports;
import io.callisto.gateway.sipp.SipProbe;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the sipvicious scanners (Debian's sipvicious 0.3.x: svmap, svwar, svcrack) against 127.0.0.1 only: each run
 * binds 127.0.0.1 on a free port, names 127.0.0.1 as its own address, runs with HOME set to a fresh temporary
 * directory (so no session state lands in the real $HOME; no {@code --save} is used anyway) and is killed at its
 * deadline. Their result tables ("| a | b |" rows after "+===+") are parsed.
 */
final class Sipvicious {
    static final Path SVMAP = Path.of("/usr/bin/svmap");
    static final Path SVWAR = Path.of("/usr/bin/svwar");
    static final Path SVCRACK = Path.of("/usr/bin/svcrack");

    private Sipvicious() {
    }

    static boolean available() {
        return Files.isExecutable(SVMAP) && Files.isExecutable(SVWAR) && Files.isExecutable(SVCRACK);
    }

    /** A finished run: the command, exit code (-1 when killed at the deadline), all output and the table rows. */
    record Run(List<String> command, int exitCode, boolean timedOut, String output, List<List<String>> rows,
               List<String> leftInHome) {
        /** Lines of the output containing the text (e.g. svcrack -vv's "trying 1000"). */
        long lines(String text) {
            return output.lines().filter(l -> l.contains(text)).count();
        }

        /** The distinct first groups of a pattern's matches in the output (e.g. the users svwar -vv did not find). */
        Set<String> distinct(String regex) {
            Matcher m = Pattern.compile(regex).matcher(output);
            Set<String> found = new TreeSet<>();
            while (m.find()) found.add(m.group(1));
            return found;
        }

        /** The output, with the middle of long ones left out. */
        String shortOutput() {
            List<String> all = output.strip().lines().toList();
            if (all.size() <= 30) return String.join("\n", all);
            return String.join("\n", all.subList(0, 12)) + "\n... (" + (all.size() - 24) + " lines) ...\n"
                    + String.join("\n", all.subList(all.size() - 12, all.size()));
        }

        String commandLine() {
            return String.join(" ", command);
        }
    }

    /** The version line the tool prints first for --version ("svwar v0.3.3"). */
    static String version(Path tool) {
        Run run = run(Duration.ofSeconds(20), List.of(tool.toString(), "--version"));
        return run.output().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("?");
    }

    static Run svmap(int port, Duration timeout, String... extra) {
        List<String> command = new ArrayList<>(List.of(SVMAP.toString(), "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(local());
        command.addAll(Arrays.asList(extra));
        return run(timeout, command);
    }

    static Run svwar(int port, Duration timeout, String... options) {
        List<String> command = new ArrayList<>(List.of(SVWAR.toString()));
        command.addAll(Arrays.asList(options));
        command.addAll(local());
        command.addAll(List.of("127.0.0.1", "-p", Integer.toString(port)));
        return run(timeout, command);
    }

    static Run svcrack(int port, Duration timeout, String... options) {
        List<String> command = new ArrayList<>(List.of(SVCRACK.toString()));
        command.addAll(Arrays.asList(options));
        command.addAll(local());
        command.addAll(List.of("127.0.0.1", "-p", Integer.toString(port)));
        return run(timeout, command);
    }

    /** A dictionary file (one word a line) in a temporary directory. */
    static Path dictionary(String... words) {
        try {
            Path file = Files.createTempFile("sipvicious-words", ".txt");
            file.toFile().deleteOnExit();
            Files.writeString(file, String.join("\n", words) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bind 127.0.0.1 on a free port, and say so in the Via and Contact. */
    private static List<String> local() {
        return List.of("-b", "127.0.0.1", "-x", "127.0.0.1", "-P", Integer.toString(Ports.sipPort()));
    }

    private static Run run(Duration timeout, List<String> command) {
        try {
            Path home = Files.createTempDirectory("sipvicious-home");
            Path output = home.resolve("output.txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .directory(home.toFile());
                builder.environment().put("HOME", home.toString());
                Process process = builder.start();
                boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    process.destroy();
                    if (!process.waitFor(3, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                }
                String text = Files.readString(output, StandardCharsets.ISO_8859_1);
                List<String> left;
                try (var paths = Files.walk(home)) {
                    left = paths.filter(p -> !p.equals(home) && !p.equals(output)).map(p -> home.relativize(p).toString())
                            .toList();
                }
                return new Run(List.copyOf(command), finished ? process.exitValue() : -1, !finished, text,
                        SipProbe.tableRows(text), left);
            } finally {
                deleteTree(home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.getFirst(), e);
        }
    }

    /** Whatever the tool left in its temporary HOME goes. */
    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
