package io.callisto.gateway.sip.registrar;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Digest authentication as the registrar needs it (challenge, verify against stored HA1s). */
public interface RegistrarAuth {
    /** WWW-Authenticate values (one per algorithm) for a challenge in the realm; stale when the nonce had expired. */
    List<String> challenges(String realm, boolean stale);

    /** Verifies an Authorization value for a request; the account is looked up by the username it names. */
    Outcome verify(String authorization, String method, String realm, Function<String, Optional<SipAccount>> accounts);

    /** What a verification found. */
    sealed interface Outcome {
        /** Authentic: the username and its account. */
        record Ok(String username, SipAccount account) implements Outcome {
        }

        /** Authentic but the nonce expired: challenge again with stale=true. */
        record Stale() implements Outcome {
        }

        /** Wrong credentials, unknown user, replay, or a malformed header. */
        record Denied(String reason) implements Outcome {
        }
    }
}
