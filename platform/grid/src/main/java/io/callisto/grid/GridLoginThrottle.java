package io.callisto.grid;

import com.tangosol.net.NamedMap;
import com.tangosol.util.InvocableMap;
import io.callisto.core.auth.LoginThrottle;
import io.callisto.core.auth.ThrottlePolicy;
import java.io.Serializable;
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
    private final NamedMap<String, Failures> failures;
    private final ThrottlePolicy policy;
    private final Clock clock;

    public GridLoginThrottle(GridNode grid, ThrottlePolicy policy, Clock clock) {
        this.failures = grid.map(MAP);
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> blockedFor(String key) {
        Failures stored = failures.get(key);
        Duration remaining = policy.remainingBlock(stored == null ? null : stored.toPolicy(), clock.instant());
        return remaining.isZero() ? Optional.empty() : Optional.of(remaining);
    }

    @Override
    public void recordFailure(String key) {
        failures.invoke(key, new RecordFailure(policy.maxFailures(), policy.window(), policy.lockout(),
                clock.instant()));
    }

    @Override
    public void reset(String key) {
        failures.remove(key);
    }

    /** The grid's serializable form of ThrottlePolicy.Failures. */
    public record Failures(int count, Instant windowStart, Instant blockedUntil) implements Serializable {
        ThrottlePolicy.Failures toPolicy() {
            return new ThrottlePolicy.Failures(count, windowStart, blockedUntil);
        }

        static Failures of(ThrottlePolicy.Failures f) {
            return new Failures(f.count(), f.windowStart(), f.blockedUntil());
        }
    }

    /** Runs where the entry lives: applies the policy and sets the entry's expiry. */
    record RecordFailure(int maxFailures, Duration window, Duration lockout, Instant now)
            implements InvocableMap.EntryProcessor<String, Failures, Void> {
        @Override
        public Void process(InvocableMap.Entry<String, Failures> entry) {
            ThrottlePolicy policy = new ThrottlePolicy(maxFailures, window, lockout);
            Failures current = entry.isPresent() ? entry.getValue() : null;
            ThrottlePolicy.Failures next = policy.afterFailure(current == null ? null : current.toPolicy(), now);
            entry.setValue(Failures.of(next));
            long ttl = Math.max(1, Duration.between(now, policy.expiry(next)).toMillis());
            entry.asBinaryEntry().expire(ttl);
            return null;
        }
    }
}
