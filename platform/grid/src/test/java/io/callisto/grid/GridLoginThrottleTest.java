package io.callisto.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.auth.LoginThrottle;
import io.callisto.core.auth.ThrottlePolicy.Failures;
import io.callisto.core.auth.ThrottlePolicy;
import io.callisto.core.contract.LoginThrottleContract;
import io.callisto.core.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LoginThrottle contract on a real (single-member, loopback) Coherence cluster. */
class GridLoginThrottleTest extends LoginThrottleContract {
    private static GridNode grid;

    @BeforeAll
    static void startGrid() {
        grid = TestGrid.start("callisto-test");
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Override
    protected LoginThrottle create(ThrottlePolicy policy, MutableClock clock) {
        return new GridLoginThrottle(grid, policy, clock);
    }

    @Test
    void theGridIsHealthyAndHoldsTheCounts() {
        assertThat(grid.isHealthy()).isTrue();
        assertThat(grid.memberCount()).isEqualTo(1);
        LoginThrottle throttle = create(POLICY, clock);
        throttle.beginAttempt("counted@acme.test");
        assertThat(grid.<String, Failures>map(GridLoginThrottle.MAP).get("counted@acme.test").count())
                .isEqualTo(1);
    }
}
