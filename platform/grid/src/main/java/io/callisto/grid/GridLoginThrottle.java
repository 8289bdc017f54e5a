package io.callisto.grid;

import com.tangosol.net.NamedMap;
import com.tangosol.util.InvocableMap;
import io.callisto.core.auth.LoginThrottle;
import io.callisto.core.auth.ThrottlePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The cluster-wide LoginThrottle: failure counts live in the grid and are updated by an entry processor,
 * atomically on the member that owns the key, so guesses spread over platform members still add up.
 * Entries expire by themselves once their window and lock-out are over.
 */
public final class GridLoginThrottle implements LoginThrottle {
    public static final String MAP = "login-failures";
    private final NamedMap<String, ThrottlePolicy.Failures> failures;
    private final ThrottlePolicy policy;
    private final Clock clock;

    public GridLoginThrottle(GridNode grid, ThrottlePolicy policy, Clock clock) {
        this.failures = grid.map(MAP);
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> beginAttempt(String key) {
        Duration blocked = failures.invoke(key, new BeginAttempt(policy.maxFailures(), policy.window(), policy.lockout(),
                clock.instant()));
        return blocked == null || blocked.isZero() ? Optional.empty() : Optional.of(blocked);
    }

    @Override
    public void reset(String key) {
        failures.remove(key);
    }

    /**
     * Runs where the entry lives, atomically: a blocked key answers how long it stays blocked and is not
     * counted; otherwise the attempt is counted and the entry's expiry set.
     */
    record BeginAttempt(int maxFailures, Duration window, Duration lockout, Instant now)
            implements InvocableMap.EntryProcessor<String, ThrottlePolicy.Failures, Duration> {
        @Override
        public Duration process(InvocableMap.Entry<String, ThrottlePolicy.Failures> entry) {
            ThrottlePolicy policy = new ThrottlePolicy(maxFailures, window, lockout);
            ThrottlePolicy.Failures current = entry.isPresent() ? entry.getValue() : null;
            Duration blocked = policy.remainingBlock(current, now);
            if (!blocked.isZero()) {
                return blocked;
            }
            ThrottlePolicy.Failures next = policy.afterFailure(current, now);
            entry.setValue(next);
            long ttl = Math.max(1, Duration.between(now, policy.expiry(next)).toMillis());
            entry.asBinaryEntry().expire(ttl);
            return Duration.ZERO;
        }
    }
}
