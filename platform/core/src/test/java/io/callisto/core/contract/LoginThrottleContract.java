package io.callisto.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.auth.LoginThrottle;
import io.callisto.core.auth.ThrottlePolicy;
import io.callisto.core.ids.Ids;
import io.callisto.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LoginThrottle contract under the policy: 3 attempts in 10 minutes without success lock the key for 5. */
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
    void locksAfterTooManyAttemptsAndUnlocksAfterTheLockout() {
        assertThat(throttle.beginAttempt(key)).isEmpty();
        assertThat(throttle.beginAttempt(key)).isEmpty();
        assertThat(throttle.beginAttempt(key)).as("the third attempt itself may proceed").isEmpty();

        assertThat(throttle.beginAttempt(key)).contains(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.beginAttempt(key)).as("refused attempts are not counted").contains(Duration.ofMinutes(3));
        clock.advance(Duration.ofMinutes(3));
        assertThat(throttle.beginAttempt(key)).isEmpty();
    }

    @Test
    void attemptsOutsideTheWindowDoNotAddUp() {
        throttle.beginAttempt(key);
        throttle.beginAttempt(key);
        clock.advance(Duration.ofMinutes(11));
        throttle.beginAttempt(key);
        assertThat(throttle.beginAttempt(key)).isEmpty();
    }

    @Test
    void resetForgetsAttemptsAndKeysAreIndependent() {
        throttle.beginAttempt(key);
        throttle.beginAttempt(key);
        throttle.reset(key);
        throttle.beginAttempt(key);
        assertThat(throttle.beginAttempt(key)).isEmpty();

        String other = "other-" + key;
        for (int i = 0; i < 3; i++) {
            throttle.beginAttempt(other);
        }
        assertThat(throttle.beginAttempt(other)).isPresent();
        assertThat(throttle.beginAttempt("third-" + key)).isEmpty();
    }

    @Test
    void parallelAttemptsNeverExceedTheLimit() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Optional<Duration>>> attempts = IntStream.range(0, 40)
                    .mapToObj(i -> pool.submit(() -> throttle.beginAttempt(key))).toList();
            long admitted = 0;
            for (Future<Optional<Duration>> attempt : attempts) {
                admitted += attempt.get().isEmpty() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(3);
        }
    }
}
