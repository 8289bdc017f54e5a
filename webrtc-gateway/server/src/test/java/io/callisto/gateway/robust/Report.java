package io.callisto.gateway.robust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the robustness tests observed, for people rather than assertions: one Markdown file per test class under
 * {@code target/robust/} (system property {@code robust.reportDir}), also logged at INFO.
 */
final class Report {
    private static final System.Logger LOG = System.getLogger(Report.class.getName());
    private final Path file;

    Report(String name) {
        Path dir = Path.of(System.getProperty("robust.reportDir", "target/robust"));
        this.file = dir.resolve(name + ".md");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, "# " + name + "\n\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void line(String text) {
        LOG.log(System.Logger.Level.INFO, text);
        try {
            Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
