package io.callisto.core.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Port: limits sign-in attempts per key (an email). An attempt is counted when it begins, atomically
 * with the check, so parallel guesses cannot slip past the limit; a successful sign-in resets the count.
 * Cluster-wide in production (the grid), so that spreading guesses over members does not help.
 */
public interface LoginThrottle {
    /** Counts an attempt, or, when the key is blocked, counts nothing and says for how long it stays blocked. */
    Optional<Duration> beginAttempt(String key);

    /** Forgets the key's attempts (after a successful sign-in). */
    void reset(String key);
}
