package io.callisto.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A single-process LoginThrottle; the grid provides the cluster-wide one. */
public final class InMemoryLoginThrottle implements LoginThrottle {
    private final ConcurrentMap<String, ThrottlePolicy.Failures> failures = new ConcurrentHashMap<>();
    private final ThrottlePolicy policy;
    private final Clock clock;

    public InMemoryLoginThrottle(ThrottlePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> blockedFor(String key) {
        Duration remaining = policy.remainingBlock(failures.get(key), clock.instant());
        return remaining.isZero() ? Optional.empty() : Optional.of(remaining);
    }

    @Override
    public void recordFailure(String key) {
        failures.compute(key, (k, current) -> policy.afterFailure(current, clock.instant()));
        failures.values().removeIf(f -> policy.expiry(f).isBefore(clock.instant()));
    }

    @Override
    public void reset(String key) {
        failures.remove(key);
    }
}
