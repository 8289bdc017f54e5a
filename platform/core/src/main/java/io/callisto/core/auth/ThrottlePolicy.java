package io.callisto.core.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * The lock-out rule shared by every LoginThrottle implementation: after {@code maxFailures}
 * failures within {@code window}, the key is blocked for {@code lockout}.
 */
public record ThrottlePolicy(int maxFailures, Duration window, Duration lockout) {
    public static final ThrottlePolicy DEFAULT = new ThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    /** Failures so far in the current window, and the moment the window started. */
    public record Failures(int count, Instant windowStart, Instant blockedUntil) implements java.io.Serializable {
        public static Failures none(Instant now) {
            return new Failures(0, now, Instant.EPOCH);
        }
    }

    public Failures afterFailure(Failures current, Instant now) {
        Failures base;
        if (current == null) {
            base = Failures.none(now);
        } else if (now.isAfter(current.windowStart().plus(window))) {
            // A new counting window, but a lock-out still running stays in force.
            base = new Failures(0, now, current.blockedUntil());
        } else {
            base = current;
        }
        int count = base.count() + 1;
        Instant blockedUntil = count >= maxFailures ? now.plus(lockout) : base.blockedUntil();
        return new Failures(count >= maxFailures ? 0 : count, count >= maxFailures ? now : base.windowStart(),
                blockedUntil);
    }

    public Duration remainingBlock(Failures current, Instant now) {
        if (current == null || !current.blockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, current.blockedUntil());
    }

    /** When an entry may be forgotten. */
    public Instant expiry(Failures current) {
        Instant windowEnd = current.windowStart().plus(window);
        return windowEnd.isAfter(current.blockedUntil()) ? windowEnd : current.blockedUntil();
    }
}
