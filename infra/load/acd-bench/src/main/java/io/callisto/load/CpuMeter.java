package io.callisto.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of the processes of a run, read from the OS per process: the driver, the members or nodes, and
 * optionally all PostgreSQL processes together (the server's backends; one that exits takes its time with it).
 */
final class CpuMeter {
    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    private final boolean postgres;

    CpuMeter(Map<String, Long> pids, boolean postgres) {
        pids.forEach((label, pid) -> ProcessHandle.of(pid).ifPresent(p -> processes.put(label, p)));
        processes.put("driver", ProcessHandle.current());
        this.postgres = postgres;
    }

    Map<String, Duration> snapshot() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        processes.forEach((label, p) -> cpu.put(label, p.info().totalCpuDuration().orElse(Duration.ZERO)));
        if (postgres) {
            cpu.put("postgres", ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus));
        }
        return cpu;
    }

    /** Cores used by each process between two snapshots, over {@code wallNanos}. */
    static Map<String, Double> cores(Map<String, Duration> before, Map<String, Duration> after, long wallNanos) {
        Map<String, Double> cores = new LinkedHashMap<>();
        after.forEach((label, cpu) -> cores.put(label,
                (cpu.toNanos() - before.getOrDefault(label, Duration.ZERO).toNanos()) / (double) wallNanos));
        return cores;
    }
}
