package io.callisto.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU time of the processes of a run (the driver and the members or nodes), read from the OS per process. */
final class CpuMeter {
    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();

    CpuMeter(Map<String, Long> pids) {
        pids.forEach((label, pid) -> ProcessHandle.of(pid).ifPresent(p -> processes.put(label, p)));
        processes.put("driver", ProcessHandle.current());
    }

    Map<String, Duration> snapshot() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        processes.forEach((label, p) -> cpu.put(label, p.info().totalCpuDuration().orElse(Duration.ZERO)));
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
