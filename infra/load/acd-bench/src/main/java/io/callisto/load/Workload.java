package io.callisto.load;

import java.util.List;

/** What a step runner drives: arrivals dispatched at scheduled times, whose offers come back asynchronously. */
interface Workload {
    /** Called before a step's first arrival: commands completing from now on count for this step. */
    void begin(StepStats step);

    /**
     * Dispatches one arrival, scheduled for {@code intendedNanos} ({@link System#nanoTime()}); must not block the
     * pacer: the send itself runs on a virtual thread.
     */
    void send(StepStats step, long sequence, long intendedNanos);

    /** Forgets the step's arrivals still waiting for an offer; returns their intended send times. */
    List<Long> abandon(StepStats step);
}
