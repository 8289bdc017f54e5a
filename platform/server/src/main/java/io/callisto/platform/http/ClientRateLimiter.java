package io.callisto.platform.http;

import io.callisto.core.error.Errors;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A per-client token bucket for the public endpoints (sign-up, sign-in, refresh), so that one address
 * cannot hammer them. Per member: a cluster of N members admits at most N times the rate, which is
 * enough for its purpose; per-account lock-out (LoginThrottle) is the cluster-wide guard.
 */
public final class ClientRateLimiter {
    private static final int MAX_TRACKED = 100_000;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    /** perMinute 0 disables the limit. */
    public ClientRateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public void check(String client) {
        if (perMinute <= 0) {
            return;
        }
        long now = clock.millis();
        if (buckets.size() > MAX_TRACKED) {
            // Forget only clients whose bucket has refilled: they lose nothing by being forgotten.
            buckets.values().removeIf(b -> b.refilledBy(now, perMinute) >= perMinute);
        }
        Bucket bucket = buckets.compute(client, (k, b) -> (b == null ? new Bucket(perMinute, now) : b).take(now,
                perMinute));
        if (!bucket.granted()) {
            long waitMillis = (long) Math.ceil((1 - bucket.tokens()) * 60_000.0 / perMinute);
            throw Errors.rateLimited("too many requests from this address; slow down",
                    Duration.ofMillis(Math.max(1000, waitMillis)));
        }
    }

    private record Bucket(double tokens, long at, boolean granted) {
        Bucket(int capacity, long now) {
            this(capacity, now, true);
        }

        double refilledBy(long now, int perMinute) {
            return Math.min(perMinute, tokens + (now - at) * perMinute / 60_000.0);
        }

        Bucket take(long now, int perMinute) {
            double refilled = refilledBy(now, perMinute);
            return refilled >= 1 ? new Bucket(refilled - 1, now, true) : new Bucket(refilled, now, false);
        }
    }
}
