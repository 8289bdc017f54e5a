package io.callisto.billing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs billing's periodic work on one thread: usage to the meter, dunning, and seat reconciliation. Every job is
 * idempotent, so several platform nodes may run them at once. A failing pass is logged and the next one runs.
 */
public final class BillingJobs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BillingJobs.class.getName());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("billing-jobs").daemon().factory());

    BillingJobs() {
    }

    /** Schedules a job every {@code period}, the first run after one period. */
    BillingJobs every(Duration period, String name, Supplier<?> job) {
        long millis = period.toMillis();
        scheduler.scheduleWithFixedDelay(() -> run(name, job), millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    private static void run(String name, Supplier<?> job) {
        try {
            Object pass = job.get();
            LOG.log(System.Logger.Level.DEBUG, "billing job {0}: {1}", name, pass);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "billing job " + name + " failed; it runs again next period", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
