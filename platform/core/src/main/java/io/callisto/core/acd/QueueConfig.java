package io.callisto.core.acd;

import java.io.Serializable;
import java.util.Objects;

/**
 * A queue as an admin configures it. Relaxation: after {@code relaxAfterSeconds} of waiting, skill
 * minimums drop by {@code relaxStep} levels, and again after each further period (0: never relax).
 */
public record QueueConfig(String id, String name, RoutingStrategy strategy, Skills requiredSkills, int priority,
                          int maxWaitSeconds, String overflowQueueId, int wrapUpSeconds, int serviceLevelSeconds,
                          int offerTimeoutSeconds, int relaxAfterSeconds, int relaxStep) implements Serializable {
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

    /** Sensible defaults for everything but the identity and strategy (tests and quick setup). */
    public static QueueConfig simple(String id, RoutingStrategy strategy) {
        return new QueueConfig(id, id, strategy, Skills.NONE, 0, 0, null, 0, 20, 20, 0, 1);
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
