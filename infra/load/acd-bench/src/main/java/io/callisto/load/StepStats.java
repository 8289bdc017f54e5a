package io.callisto.load;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one rate step measured. Arrivals are attributed to the step that sent them (their latency lands here
 * even when the offer arrives after the step's send window); the per-second figures count only what happened
 * inside the send window, so they are rates the system sustained, not a backlog drained afterwards.
 */
final class StepStats {
    final int index;
    final int targetRate;
    final boolean warmup;
    /** Intended send time of an arrival to the offer's arrival at the listener (the routing decision seen). */
    final Latency offer = new Latency();
    /** The send itself: the Enqueue command's round trip, or the HTTP POST's. */
    final Latency send = new Latency();
    /** The agent's Accept command (or POST .../accept) round trip. */
    final Latency accept = new Latency();
    /** How late the pacer dispatched arrivals against the fixed schedule (the driver's own lag). */
    final Latency pacerLag = new Latency();
    final LongAdder sent = new LongAdder();
    final LongAdder offered = new LongAdder();
    final LongAdder offeredInWindow = new LongAdder();
    final LongAdder commandsInWindow = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder unrouted = new LongAdder();
    final AtomicLong outstanding = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    volatile long startNanos;
    volatile long windowEndNanos = Long.MAX_VALUE;
    volatile long windowNanos;
    volatile Map<String, Double> cores = Map.of();
    volatile String stopReason;

    StepStats(int index, int targetRate, boolean warmup) {
        this.index = index;
        this.targetRate = targetRate;
        this.warmup = warmup;
    }

    void sentOne() {
        sent.increment();
        outstanding.incrementAndGet();
    }

    /** An offer arrived for an arrival of this step. */
    void offered(long latencyNanos, long nowNanos) {
        offer.recordNanos(latencyNanos);
        offered.increment();
        outstanding.decrementAndGet();
        if (nowNanos <= windowEndNanos) {
            offeredInWindow.increment();
        }
    }

    /** A command (or API call) completed successfully. */
    void command(long nowNanos) {
        if (nowNanos <= windowEndNanos) {
            commandsInWindow.increment();
        }
    }

    /** A failed command or call; {@code arrival} when it was the send of an arrival, which will never be offered. */
    void error(Throwable e, boolean arrival) {
        errors.increment();
        if (arrival) {
            outstanding.decrementAndGet();
        }
        firstError.compareAndSet(null, e.toString());
    }

    /** An arrival still not offered when the step's drain time ran out. */
    void unroutedOne(long latencyNanos) {
        unrouted.increment();
        outstanding.decrementAndGet();
        offer.recordNanos(latencyNanos);
    }

    String firstError() {
        return firstError.get();
    }

    double windowSeconds() {
        return windowNanos / 1e9;
    }

    double sentPerSecond() {
        return sent.sum() / windowSeconds();
    }

    double decisionsPerSecond() {
        return offeredInWindow.sum() / windowSeconds();
    }

    double commandsPerSecond() {
        return commandsInWindow.sum() / windowSeconds();
    }

    /** Errors and arrivals never offered, as a fraction of arrivals sent. */
    double failureRate() {
        long sentCount = sent.sum();
        return sentCount == 0 ? 0 : (double) (errors.sum() + unrouted.sum()) / sentCount;
    }
}
