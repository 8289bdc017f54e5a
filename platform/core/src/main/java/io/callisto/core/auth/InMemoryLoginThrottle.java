package io.callisto.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A single-process LoginThrottle; the grid provides the cluster-wide one. */
public final class InMemoryLoginThrottle implements LoginThrottle {
    private final ConcurrentMap<String, ThrottlePolicy.Failures> failures = new ConcurrentHashMap<>();
    private static final int MAX_KEYS = 100_000;
    private final ThrottlePolicy policy;
    private final Clock clock;

    public InMemoryLoginThrottle(ThrottlePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> beginAttempt(String key) {
        Instant now = clock.instant();
        Duration[] blocked = {Duration.ZERO};
        failures.compute(key, (k, current) -> {
            blocked[0] = policy.remainingBlock(current, now);
            return blocked[0].isZero() ? policy.afterFailure(current, now) : current;
        });
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(f -> policy.expiry(f).isBefore(now));
        }
        return blocked[0].isZero() ? Optional.empty() : Optional.of(blocked[0]);
    }

    @Override
    public void reset(String key) {
        failures.remove(key);
    }
}
