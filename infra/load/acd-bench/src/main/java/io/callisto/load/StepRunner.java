package io.callisto.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers load at a rising rate, open loop: each step has a fixed schedule of arrivals (rate × duration, evenly
 * spaced) dispatched at their scheduled times whatever the system does, and latency is counted from the
 * scheduled time, so a stalled system or driver shows up as latency instead of as fewer samples (no coordinated
 * omission). After each step the runner waits up to the drain time for the step's offers, then judges it; the
 * climb stops at the first step whose p99 offer latency, failure rate or achieved rate is out of bounds.
 */
final class StepRunner {
    private static final System.Logger LOG = System.getLogger(StepRunner.class.getName());
    private final Workload workload;
    private final CpuMeter cpu;
    private final Limits limits;
    private long sequence;

    /** When the climb stops, and how long each step runs and drains. */
    record Limits(Duration step, Duration warmup, Duration drain, double maxP99Millis, double maxFailureRate,
                  double minAchieved) {
    }

    StepRunner(Workload workload, CpuMeter cpu, Limits limits) {
        this.workload = workload;
        this.cpu = cpu;
        this.limits = limits;
    }

    /** Runs the warm-up (at the first rate, not reported), then the steps until one fails; returns them. */
    List<StepStats> run(List<Integer> rates) {
        if (!limits.warmup().isZero()) {
            StepStats warmup = new StepStats(0, rates.getFirst(), true);
            LOG.log(System.Logger.Level.INFO, "warm-up: {0}/s for {1} s", rates.getFirst(), limits.warmup().toSeconds());
            runStep(warmup, limits.warmup());
            log(warmup);
        }
        List<StepStats> steps = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            StepStats step = new StepStats(i + 1, rates.get(i), false);
            LOG.log(System.Logger.Level.INFO, "step {0}: {1}/s for {2} s", step.index, step.targetRate,
                    limits.step().toSeconds());
            runStep(step, limits.step());
            steps.add(step);
            log(step);
            step.stopReason = judge(step);
            if (step.stopReason != null) {
                LOG.log(System.Logger.Level.INFO, "stopping the climb: {0}", step.stopReason);
                break;
            }
        }
        return steps;
    }

    private void runStep(StepStats step, Duration duration) {
        workload.begin(step);
        Map<String, Duration> cpuBefore = cpu.snapshot();
        long arrivals = Math.max(1, Math.round(step.targetRate * (duration.toNanos() / 1e9)));
        double interval = 1e9 / step.targetRate;
        long start = System.nanoTime();
        step.startNanos = start;
        long i = 0;
        while (i < arrivals) {
            long now = System.nanoTime();
            long intended = start + (long) (i * interval);
            if (intended > now) {
                LockSupport.parkNanos(intended - now);
                continue;
            }
            // Everything due by now goes out at once: a late wake-up sends a burst, as an open system would.
            while (i < arrivals && (intended = start + (long) (i * interval)) <= now) {
                step.pacerLag.recordNanos(now - intended);
                step.sentOne();
                workload.send(step, sequence++, intended);
                i++;
            }
        }
        long end = Math.max(System.nanoTime(), start + duration.toNanos());
        step.windowEndNanos = end;
        step.windowNanos = end - start;
        // The window's CPU: taken when sending ends (offers still in flight finish in the drain, not counted).
        step.cores = CpuMeter.cores(cpuBefore, cpu.snapshot(), System.nanoTime() - start);
        long drainUntil = System.nanoTime() + limits.drain().toNanos();
        while (step.outstanding.get() > 0 && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(5_000_000);
        }
        long now = System.nanoTime();
        for (long intended : workload.abandon(step)) {
            step.unroutedOne(now - intended);
        }
    }

    private String judge(StepStats step) {
        if (step.offer.millis(99) > limits.maxP99Millis()) {
            return String.format(Locale.ROOT, "p99 offer latency %.2f ms > %.1f ms", step.offer.millis(99),
                    limits.maxP99Millis());
        }
        if (step.failureRate() > limits.maxFailureRate()) {
            return String.format(Locale.ROOT, "errors and unrouted arrivals %.2f%% > %.2f%%", step.failureRate() * 100,
                    limits.maxFailureRate() * 100);
        }
        if (step.decisionsPerSecond() < limits.minAchieved() * step.targetRate) {
            return String.format(Locale.ROOT, "achieved %.0f decisions/s < %.0f%% of the target %d/s",
                    step.decisionsPerSecond(), limits.minAchieved() * 100, step.targetRate);
        }
        return null;
    }

    private static void log(StepStats s) {
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT,
                "%s %d/s: sent %.0f/s, decisions %.0f/s, commands %.0f/s, errors %d, unrouted %d; offer ms %s;"
                        + " send ms %s; cores %s%s",
                s.warmup ? "warm-up" : "step " + s.index, s.targetRate, s.sentPerSecond(), s.decisionsPerSecond(),
                s.commandsPerSecond(), s.errors.sum(), s.unrouted.sum(), s.offer.summary(), s.send.summary(),
                Report.cores(s.cores), s.firstError() == null ? "" : "; first error: " + s.firstError()));
    }
}
