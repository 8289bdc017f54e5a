package io.callisto.core.acd;

import java.io.Serializable;
import java.util.Objects;

/**
 * A queue as an admin configures it. Relaxation: after {@code relaxAfterSeconds} of waiting, skill
 * minimums drop by {@code relaxStep} levels, and again after each further period (0: never relax).
 * {@code recordCalls}: the SIP gateway records both directions of the voice calls answered from this queue.
 */
public record QueueConfig(String id, String name, RoutingStrategy strategy, Skills requiredSkills, int priority,
                          int maxWaitSeconds, String overflowQueueId, int wrapUpSeconds, int serviceLevelSeconds,
                          int offerTimeoutSeconds, int relaxAfterSeconds, int relaxStep, boolean recordCalls)
        implements Serializable {
    public QueueConfig {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(strategy);
        Objects.requireNonNull(requiredSkills);
        if (offerTimeoutSeconds < 1 || maxWaitSeconds < 0 || wrapUpSeconds < 0 || serviceLevelSeconds < 0
                || relaxAfterSeconds < 0 || relaxStep < 0) {
            throw io.callisto.core.error.Errors.invalid("invalid-queue",
                    "timeouts must be zero or positive (the offer timeout at least 1 s) and relaxStep not negative");
        }
    }

    /**
     * A queue that does not record its calls (the default), as before recording existed. Kept so that code built
     * against the earlier components (the grid's failover test, the load bench, the gateway's tests) still builds.
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public QueueConfig(String id, String name, RoutingStrategy strategy, Skills requiredSkills, int priority,
                       int maxWaitSeconds, String overflowQueueId, int wrapUpSeconds, int serviceLevelSeconds,
                       int offerTimeoutSeconds, int relaxAfterSeconds, int relaxStep) {
        this(id, name, strategy, requiredSkills, priority, maxWaitSeconds, overflowQueueId, wrapUpSeconds,
                serviceLevelSeconds, offerTimeoutSeconds, relaxAfterSeconds, relaxStep, false);
    }

    /** Sensible defaults for everything but the identity and strategy (tests and quick setup). */
    public static QueueConfig simple(String id, RoutingStrategy strategy) {
        return new QueueConfig(id, id, strategy, Skills.NONE, 0, 0, null, 0, 20, 20, 0, 1, false);
    }

    /** This queue with calls recorded or not. */
    public QueueConfig withRecordCalls(boolean record) {
        return new QueueConfig(id, name, strategy, requiredSkills, priority, maxWaitSeconds, overflowQueueId,
                wrapUpSeconds, serviceLevelSeconds, offerTimeoutSeconds, relaxAfterSeconds, relaxStep, record);
    }

    /** The requirements after waiting this long. */
    public Skills requirementsAfter(long waitedSeconds, Skills interactionSkills) {
        Skills all = requiredSkills.and(interactionSkills);
        if (relaxAfterSeconds <= 0 || waitedSeconds < relaxAfterSeconds) {
            return all;
        }
        int periods = (int) Math.min(MAX_RELAX_PERIODS, waitedSeconds / relaxAfterSeconds);
        return all.relaxedBy(periods * relaxStep);
    }

    private static final int MAX_RELAX_PERIODS = 10;
}
