package io.callisto.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.auth.LoginThrottle;
import io.callisto.core.auth.ThrottlePolicy;
import io.callisto.core.ids.Ids;
import io.callisto.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LoginThrottle contract under the policy: 3 failures in 10 minutes lock the key for 5 minutes. */
public abstract class LoginThrottleContract {
    protected static final ThrottlePolicy POLICY =
            new ThrottlePolicy(3, Duration.ofMinutes(10), Duration.ofMinutes(5));
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private LoginThrottle throttle;
    private String key;

    protected abstract LoginThrottle create(ThrottlePolicy policy, MutableClock clock);

    @BeforeEach
    void setUp() {
        throttle = create(POLICY, clock);
        key = "user-" + Ids.next('x') + "@acme.test";
    }

    @Test
    void locksAfterTooManyFailuresAndUnlocksAfterTheLockout() {
        throttle.recordFailure(key);
        throttle.recordFailure(key);
        assertThat(throttle.blockedFor(key)).isEmpty();

        throttle.recordFailure(key);
        assertThat(throttle.blockedFor(key)).contains(Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.blockedFor(key)).contains(Duration.ofMinutes(3));
        clock.advance(Duration.ofMinutes(3));
        assertThat(throttle.blockedFor(key)).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        throttle.recordFailure(key);
        throttle.recordFailure(key);
        clock.advance(Duration.ofMinutes(11));
        throttle.recordFailure(key);
        assertThat(throttle.blockedFor(key)).isEmpty();
    }

    @Test
    void resetForgetsFailuresAndKeysAreIndependent() {
        throttle.recordFailure(key);
        throttle.recordFailure(key);
        throttle.reset(key);
        throttle.recordFailure(key);
        assertThat(throttle.blockedFor(key)).isEmpty();

        String other = "other-" + key;
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure(other);
        }
        assertThat(throttle.blockedFor(other)).isPresent();
        assertThat(throttle.blockedFor(key)).isEmpty();
    }
}
