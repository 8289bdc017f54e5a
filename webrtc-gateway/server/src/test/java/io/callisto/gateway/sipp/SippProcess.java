package io.callisto.gateway.sipp;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A running sipp (foreground, stdin closed, output into its work directory). {@link #await()} waits for it
 * with a deadline and kills it when the deadline passes; {@link #close()} kills it if it still runs.
 */
public final class SippProcess implements AutoCloseable {

    private static final Path PROC_NET = Path.of("/proc/net");

    /** What the builder decided: the command line, the run's directory, ports and the RTP endpoint. */
    record Launch(List<String> command, Path workDir, String localAddress, int sipPort, int mediaPort, int rtpPort,
                  boolean tcp, RtpEndpoint endpoint, int calls, Duration deadline) {
    }

    /** sipp (or the RTP endpoint) could not bind a port: another process took it after it was checked. */
    static final class PortInUse extends IllegalStateException {
        PortInUse(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Process process;
    private final Launch launch;
    private SippResult result;

    private SippProcess(Process process, Launch launch) {
        this.process = process;
        this.launch = launch;
    }

    static SippProcess start(Launch launch) {
        Process process;
        try {
            process = new ProcessBuilder(launch.command()).directory(launch.workDir().toFile()).redirectErrorStream(true)
                    .redirectOutput(launch.workDir().resolve(Sipp.STDOUT_FILE).toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            if (launch.endpoint() != null) launch.endpoint().close();
            throw new UncheckedIOException("cannot start " + launch.command().getFirst(), e);
        }
        SippProcess sipp = new SippProcess(process, launch);
        sipp.awaitBound(Duration.ofSeconds(10));
        return sipp;
    }

    /** sipp's SIP port (-p) on 127.0.0.1. */
    public int sipPort() {
        return launch.sipPort();
    }

    /** sipp's -mp (it binds this and +2). */
    public int mediaPort() {
        return launch.mediaPort();
    }

    /** The port the agent scenarios advertise (rtp_port): the RtpEndpoint's, else -mp. */
    public int rtpPort() {
        return launch.rtpPort();
    }

    /** The Java RTP endpoint of this run ({@link Sipp.Builder#rtpEndpoint}); counters stay readable after close. */
    public RtpEndpoint rtp() {
        if (launch.endpoint() == null) throw new IllegalStateException("started without rtpEndpoint(...)");
        return launch.endpoint();
    }

    public long pid() {
        return process.pid();
    }

    public Path workDir() {
        return launch.workDir();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for sipp to exit within the builder's timeout plus 10 s, killing it after that. */
    public SippResult await() {
        return await(launch.deadline());
    }

    /** Waits for sipp to exit, killing it (SIGTERM, then SIGKILL) when {@code timeout} passes. */
    public synchronized SippResult await(Duration timeout) {
        if (result != null) return result;
        boolean timedOut = false;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("interrupted waiting for sipp", e);
        }
        int exitCode = timedOut ? -1 : process.exitValue();
        result = new SippResult(launch.command(), launch.workDir(), exitCode, timedOut, launch.calls(), launch.endpoint());
        return result;
    }

    /** Soft stop (SIGUSR1, like pressing q): no new calls, running calls finish; then waits as {@link #await()}. */
    public SippResult stop() {
        signal("USR1");
        return await();
    }

    /** SIGUSR2: sipp appends its screens, with the RTP counters, to the screen file. */
    public void dumpScreens() {
        signal("USR2");
    }

    /**
     * Waits until sipp has received a message matching {@code condition} (read from its message log), e.g.
     * the 200 to a REGISTER before a test places a call to that agent.
     */
    public Optional<SipMessage> awaitReceived(Predicate<SipMessage> condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<SipMessage> match = messagesSoFar().stream().filter(SipMessage::received).filter(condition).findFirst();
            if (match.isPresent() || System.nanoTime() - end > 0) return match;
            if (!process.isAlive()) {
                return messagesSoFar().stream().filter(SipMessage::received).filter(condition).findFirst();
            }
            sleep(50);
        }
    }

    /** Waits for a received 200 answering a REGISTER; false on timeout. */
    public boolean awaitRegistered(Duration timeout) {
        return awaitReceived(m -> m.statusCode() == 200 && "REGISTER".equals(m.cseqMethod()), timeout).isPresent();
    }

    /** Kills sipp if it still runs (SIGTERM lets it write its traces) and closes the RTP endpoint. */
    @Override
    public void close() {
        if (process.isAlive()) kill();
        if (launch.endpoint() != null) launch.endpoint().close();
    }

    @Override
    public String toString() {
        return "SippProcess[pid " + process.pid() + ", " + launch.localAddress() + ":" + launch.sipPort() + ", "
                + launch.workDir() + "]";
    }

    private List<SipMessage> messagesSoFar() {
        Path log = launch.workDir().resolve(Sipp.MESSAGES_FILE);
        try {
            return Files.exists(log) ? SipMessage.parseLog(Files.readString(log, StandardCharsets.ISO_8859_1)) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void kill() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void signal(String name) {
        if (!process.isAlive()) return;
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal sipp", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted signalling sipp", e);
        }
    }

    /** Returns once sipp's SIP socket shows in /proc/net (without touching the port). */
    private void awaitBound(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!bound()) {
            if (!process.isAlive()) {
                if (launch.endpoint() != null) launch.endpoint().close();
                String message = "sipp exited with " + process.exitValue() + " before binding " + launch.sipPort() + ":\n"
                        + stdout() + "\n(" + String.join(" ", launch.command()) + ")";
                if (stdout().contains("Address already in use")) throw new PortInUse(message, null);
                throw new IllegalStateException(message);
            }
            if (System.nanoTime() - end > 0) {
                close();
                throw new IllegalStateException("sipp did not bind " + launch.localAddress() + ":" + launch.sipPort()
                        + " within " + timeout + ":\n" + stdout());
            }
            sleep(20);
        }
    }

    private boolean bound() {
        // sipp's own view of the network: in a test's namespace (ip netns exec runs sipp as this very process) its
        // sockets are in that namespace's tables, not this JVM's
        Path own = Path.of("/proc", Long.toString(process.pid()), "net");
        Path table = (Files.isDirectory(own) ? own : PROC_NET).resolve(launch.tcp() ? "tcp" : "udp");
        if (!Files.isReadable(table)) {
            sleep(300);
            return true;
        }
        String port = String.format(Locale.ROOT, ":%04X", launch.sipPort());
        try {
            return Files.readAllLines(table).stream().skip(1).map(String::trim).map(line -> line.split("\\s+"))
                    .anyMatch(f -> f.length > 3 && (f[1].equals(procAddress(launch.localAddress()) + port)
                            || f[1].equals("00000000" + port))
                            && (!launch.tcp() || f[3].equals("0A")));
        } catch (IOException e) {
            return false;
        }
    }

    /** An IPv4 address as /proc/net writes it: the four bytes in host (little-endian) order, in hex. */
    static String procAddress(String dotted) {
        String[] bytes = dotted.split("\\.");
        StringBuilder hex = new StringBuilder();
        for (int i = 3; i >= 0; i--) {
            hex.append(String.format(Locale.ROOT, "%02X", Integer.parseInt(bytes[i])));
        }
        return hex.toString();
    }

    private String stdout() {
        try {
            Path out = launch.workDir().resolve(Sipp.STDOUT_FILE);
            return Files.exists(out) ? Files.readString(out, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(stdout unreadable: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
