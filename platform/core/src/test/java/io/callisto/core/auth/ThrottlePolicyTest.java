package io.callisto.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.auth.ThrottlePolicy.Failures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {
    private static final ThrottlePolicy POLICY = new ThrottlePolicy(3, Duration.ofMinutes(10), Duration.ofMinutes(5));
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void defaultIsFiveFailuresInFifteenMinutesForFifteenMinutes() {
        assertThat(ThrottlePolicy.DEFAULT)
                .isEqualTo(new ThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15)));
    }

    @Test
    void failuresWithinTheWindowCountUpWithoutBlocking() {
        Failures first = POLICY.afterFailure(null, T0);
        assertThat(first).isEqualTo(new Failures(1, T0, Instant.EPOCH));
        Failures second = POLICY.afterFailure(first, at(3));
        assertThat(second).isEqualTo(new Failures(2, T0, Instant.EPOCH));
        assertThat(POLICY.remainingBlock(second, at(3))).isZero();
    }

    @Test
    void theLastAllowedFailureBlocksForTheLockoutAndStartsAFreshCount() {
        Failures f = POLICY.afterFailure(POLICY.afterFailure(POLICY.afterFailure(null, T0), at(1)), at(2));
        assertThat(f).isEqualTo(new Failures(0, at(2), at(7)));
        assertThat(POLICY.remainingBlock(f, at(2))).isEqualTo(Duration.ofMinutes(5));
        assertThat(POLICY.remainingBlock(f, at(4))).isEqualTo(Duration.ofMinutes(3));
        assertThat(POLICY.remainingBlock(f, at(7).minusMillis(1))).isEqualTo(Duration.ofMillis(1));
        assertThat(POLICY.remainingBlock(f, at(7))).isZero();
        assertThat(POLICY.remainingBlock(f, at(8))).isZero();
    }

    @Test
    void aFailureAfterTheWindowStartsANewWindow() {
        Failures two = POLICY.afterFailure(POLICY.afterFailure(null, T0), at(1));
        Failures rolled = POLICY.afterFailure(two, at(10).plusSeconds(1));
        assertThat(rolled).isEqualTo(new Failures(1, at(10).plusSeconds(1), Instant.EPOCH));
        assertThat(POLICY.remainingBlock(rolled, at(11))).isZero();
    }

    @Test
    void aFailureExactlyAtTheWindowEndStillCounts() {
        Failures two = POLICY.afterFailure(POLICY.afterFailure(null, T0), at(1));
        Failures third = POLICY.afterFailure(two, at(10));
        assertThat(POLICY.remainingBlock(third, at(10))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aLockOutLongerThanTheWindowSurvivesAFailureInTheNextWindow() {
        ThrottlePolicy longLock = new ThrottlePolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(15));
        Failures locked = longLock.afterFailure(longLock.afterFailure(longLock.afterFailure(null, T0), T0), T0);
        Failures later = longLock.afterFailure(locked, at(2));

        assertThat(longLock.remainingBlock(later, at(2))).isEqualTo(Duration.ofMinutes(13));
        assertThat(later.count()).isEqualTo(1);
    }

    @Test
    void nothingRecordedIsNotBlocked() {
        assertThat(POLICY.remainingBlock(null, T0)).isZero();
        assertThat(POLICY.remainingBlock(Failures.none(T0), T0)).isZero();
        assertThat(Failures.none(T0)).isEqualTo(new Failures(0, T0, Instant.EPOCH));
    }

    @Test
    void expiryIsTheLaterOfWindowEndAndBlockEnd() {
        assertThat(POLICY.expiry(POLICY.afterFailure(null, T0))).isEqualTo(at(10));
        Failures blocked = new Failures(0, T0, at(5));
        assertThat(POLICY.expiry(blocked)).isEqualTo(at(10));

        ThrottlePolicy longLock = new ThrottlePolicy(2, Duration.ofMinutes(1), Duration.ofMinutes(30));
        Failures locked = longLock.afterFailure(longLock.afterFailure(null, T0), at(0).plusSeconds(30));
        assertThat(locked.blockedUntil()).isEqualTo(at(30).plusSeconds(30));
        assertThat(longLock.expiry(locked)).isEqualTo(at(30).plusSeconds(30));
    }
}
