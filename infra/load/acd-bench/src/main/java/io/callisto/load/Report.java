package io.callisto.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The results as markdown: written to a file and to the log. */
final class Report {
    private static final System.Logger LOG = System.getLogger(Report.class.getName());
    private final List<String> lines = new ArrayList<>();

    Report line(String text) {
        lines.add(text);
        return this;
    }

    Report format(String format, Object... args) {
        return line(String.format(Locale.ROOT, format, args));
    }

    /** The step table, the CPU table and the verdict. */
    Report steps(List<StepStats> steps, String sendName, String acceptName) {
        line("")
                .line("| step | target/s | sent/s | decisions/s | commands/s | errors | unrouted "
                        + "| offer p50 ms | p99 ms | p99.9 ms | max ms | " + sendName + " ms p50 / p99 / p99.9 / max "
                        + "| " + acceptName + " ms p50 / p99 | pacer lag p99 ms | verdict |")
                .line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---|");
        for (StepStats s : steps) {
            format("| %d | %,d | %,.0f | %,.0f | %,.0f | %,d | %,d | %s | %s | %s | %s | %s | %s / %s | %s | %s |", s.index,
                    s.targetRate, s.sentPerSecond(), s.decisionsPerSecond(), s.commandsPerSecond(), s.errors.sum(),
                    s.unrouted.sum(), Latency.fmt(s.offer.millis(50)), Latency.fmt(s.offer.millis(99)),
                    Latency.fmt(s.offer.millis(99.9)), Latency.fmt(s.offer.maxMillis()), s.send.summary(),
                    Latency.fmt(s.accept.millis(50)), Latency.fmt(s.accept.millis(99)),
                    Latency.fmt(s.pacerLag.millis(99)), s.stopReason == null ? "ok" : "stop: " + s.stopReason);
        }
        Set<String> labels = new LinkedHashSet<>();
        steps.forEach(s -> labels.addAll(s.cores.keySet()));
        line("").line("CPU used during each step's send window, in cores (this machine has "
                + Runtime.getRuntime().availableProcessors() + "):").line("");
        line("| step | " + String.join(" | ", labels) + " | total |")
                .line("|---:|" + labels.stream().map(l -> "---:|").collect(Collectors.joining()) + "---:|");
        for (StepStats s : steps) {
            StringBuilder row = new StringBuilder("| " + s.index + " | ");
            labels.forEach(l -> row.append(String.format(Locale.ROOT, "%.2f | ", s.cores.getOrDefault(l, 0.0))));
            row.append(String.format(Locale.ROOT, "%.2f |", s.cores.values().stream().mapToDouble(d -> d).sum()));
            line(row.toString());
        }
        steps.stream().filter(s -> s.firstError() != null).forEach(s ->
                format("%nStep %d's first error: `%s`", s.index, s.firstError()));
        line("");
        StepStats best = steps.stream().filter(s -> s.stopReason == null).reduce((a, b) -> b).orElse(null);
        if (best == null) {
            line("**Sustained:** no step passed the limits.");
        } else {
            format("**Sustained:** %,.0f routing decisions/s (step %d, target %,d/s) with offer latency p50 %s ms, "
                            + "p99 %s ms, p99.9 %s ms.", best.decisionsPerSecond(), best.index, best.targetRate,
                    Latency.fmt(best.offer.millis(50)), Latency.fmt(best.offer.millis(99)),
                    Latency.fmt(best.offer.millis(99.9)));
        }
        return this;
    }

    static String cores(Map<String, Double> cores) {
        return cores.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Writes the markdown to the file and logs it. */
    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            lines.forEach(out::println);
        }
        LOG.log(System.Logger.Level.INFO, "results written to {0}:\n{1}", file, String.join("\n", lines));
    }
}
