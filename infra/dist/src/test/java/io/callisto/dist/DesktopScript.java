package io.callisto.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One of the web module's browser scripts running (e2e/softphone-call.mjs unless told otherwise): headless Chromium
 * driving the real agent desktop. It reports by
 * lines (READY, CALL {...}, DONE, FAILED ...); {@link #expect} waits for one. Closing kills it and keeps its output
 * in {@code <out>/<name>.log}.
 */
final class DesktopScript implements AutoCloseable {
    static final Path WEB = Path.of(System.getProperty("callisto.root", "../.."), "tenant-admin", "web");
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder log = new StringBuilder();
    private final Path logFile;

    private DesktopScript(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
        Thread.ofVirtual().start(this::read);
    }

    /** Starts the script with these variables (BASE_URL, AGENT_EMAIL, CALLS, ...); its output goes to out/name.log. */
    static DesktopScript start(Map<String, String> environment, Path out, String name) throws IOException {
        return start(java.util.List.of(), environment, out, name);
    }

    /** The same, run through {@code prefix} (e.g. {@code ip netns exec <namespace>}). */
    static DesktopScript start(java.util.List<String> prefix, Map<String, String> environment, Path out, String name)
            throws IOException {
        return run("e2e/softphone-call.mjs", prefix, environment, out, name);
    }

    /** Another of the web module's browser scripts (e.g. {@code e2e/softphone-transfer.mjs}). */
    static DesktopScript run(String script, java.util.List<String> prefix, Map<String, String> environment, Path out,
                             String name) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>(prefix);
        command.addAll(java.util.List.of("node", script));
        ProcessBuilder node = new ProcessBuilder(command).directory(WEB.toFile()).redirectErrorStream(true);
        node.environment().putAll(environment);
        node.environment().put("SCREENSHOT_DIR", out.toString());
        return new DesktopScript(node.start(), out.resolve(name + ".log"));
    }

    /** The next line starting with {@code prefix}; fails on a FAILED line, at the end of the output or in time. */
    String expect(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line != null && line.startsWith("FAILED")) {
                throw new AssertionError("the browser failed: " + line + "\n" + log());
            }
        }
        throw new AssertionError("the browser never printed " + prefix + "\n" + log());
    }

    /** Waits for the script to end; its exit status. */
    int exitStatus(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the browser script did not end\n" + log());
        }
        return process.exitValue();
    }

    String log() {
        synchronized (log) {
            return log.toString();
        }
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (log) {
                    log.append(line).append('\n');
                }
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("EXIT " + e);
        }
    }

    @Override
    public void close() throws IOException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        Files.writeString(logFile, log());
    }
}
