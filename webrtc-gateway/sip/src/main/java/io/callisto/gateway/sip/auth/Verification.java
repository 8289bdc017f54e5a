package io.callisto.gateway.sip.auth;

import java.util.Objects;

/**
 * The outcome of checking an Authorization header. The SIP edge answers: OK -> proceed; STALE -> re-challenge
 * with {@code stale=true} (the client retries without asking its user); BAD_CREDENTIALS -> re-challenge
 * (401/407) or 403; MALFORMED -> 400 with the reason.
 */
public sealed interface Verification {

    Verification STALE = new Stale();
    Verification BAD_CREDENTIALS = new BadCredentials();

    static Verification ok(String username) {
        return new Ok(username);
    }

    static Verification malformed(String reason) {
        return new Malformed(reason);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The digest was right for this user. */
    record Ok(String username) implements Verification {
        public Ok {
            Objects.requireNonNull(username, "username");
        }
    }

    /**
     * The digest was right but its nonce is expired, or was already used with this nonce count (a replay,
     * or a nonce dropped from the replay window): answer with a fresh nonce and stale=true.
     */
    record Stale() implements Verification {
    }

    /** Wrong password, unknown user, other realm, or a nonce we never issued. */
    record BadCredentials() implements Verification {
    }

    /** Not a usable Digest credentials header; the reason is safe to log and to put in a 400's reason phrase. */
    record Malformed(String reason) implements Verification {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
