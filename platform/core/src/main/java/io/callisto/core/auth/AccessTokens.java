package io.callisto.core.auth;

import java.time.Duration;
import java.util.Optional;

/** Port: short-lived signed access tokens (JWT in production). Stateless across platform members. */
public interface AccessTokens {
    Issued issue(Caller caller);

    /** The caller a token stands for, or empty when it is malformed, forged or expired. */
    Optional<Caller> verify(String token);

    /** An issued token and how long it lives. */
    record Issued(String token, Duration expiresIn) {
    }
}
