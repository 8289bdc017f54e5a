package io.callisto.gateway.sip.registrar;

import io.callisto.gateway.sip.auth.DigestChallenger;
import io.callisto.gateway.sip.auth.DigestNonces;
import io.callisto.gateway.sip.auth.DigestVerifier;
import io.callisto.gateway.sip.auth.Ha1;
import io.callisto.gateway.sip.auth.Verification;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The registrar's digest authentication: MD5 and SHA-256 challenges with stateless nonces (HMAC with the
 * gateway's secret, so any node verifies a nonce another node issued), verified against stored HA1s.
 */
public final class DigestRegistrarAuth implements RegistrarAuth {
    private final DigestChallenger challenger;
    private final DigestVerifier verifier;

    public DigestRegistrarAuth(byte[] nonceSecret) {
        DigestNonces nonces = new DigestNonces(nonceSecret);
        this.challenger = new DigestChallenger(nonces);
        this.verifier = new DigestVerifier(nonces);
    }

    @Override
    public List<String> challenges(String realm, boolean stale) {
        return challenger.challenges(realm, stale);
    }

    @Override
    public Outcome verify(String authorization, String method, String realm,
                          Function<String, Optional<SipAccount>> accounts) {
        ConcurrentHashMap<String, SipAccount> found = new ConcurrentHashMap<>();
        Verification v = verifier.verify(authorization, method, realm, username -> accounts.apply(username)
                .map(a -> {
                    found.put(username, a);
                    return new Ha1(a.ha1Md5(), a.ha1Sha256());
                }));
        return switch (v) {
            case Verification.Ok ok when found.containsKey(ok.username()) ->
                    new Outcome.Ok(ok.username(), found.get(ok.username()));
            case Verification.Ok ok -> new Outcome.Denied("no account for " + ok.username());
            case Verification.Stale s -> new Outcome.Stale();
            case Verification.BadCredentials b -> new Outcome.Denied("wrong credentials");
            case Verification.Malformed m -> new Outcome.Denied("malformed: " + m.reason());
        };
    }
}
