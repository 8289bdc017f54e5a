package io.callisto.core.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Port: counts failed sign-ins per key (an email) and blocks the key for a while after too many.
 * Cluster-wide in production (the grid), so that spreading guesses over members does not help.
 */
public interface LoginThrottle {
    /** How long the key is still blocked, or empty when it may try. */
    Optional<Duration> blockedFor(String key);

    void recordFailure(String key);

    void reset(String key);
}
