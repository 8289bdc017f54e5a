package io.callisto.gateway.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an Authorization / Proxy-Authorization header value against the stored HA1 of its user. Never
 * throws for bad input: every header, however broken, ends in a {@link Verification}. Thread-safe.
 */
public final class DigestVerifier {

    /** The algorithms whose HA1 is stored, hence the only ones a client may answer with. */
    static final Set<DigestAlgorithm> VERIFIABLE = Set.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);
    public static final int DEFAULT_REPLAY_WINDOW = 10_000;

    /** Compared against when the user is unknown, so that case costs the same time as a wrong password. */
    private static final Ha1 NOBODY = Ha1.fromPassword("", "", "no such user");

    private final DigestNonces nonces;
    private final NonceCounters counters;

    public DigestVerifier(DigestNonces nonces) {
        this(nonces, DEFAULT_REPLAY_WINDOW);
    }

    /** @param replayWindow how many nonces' highest nc are remembered (LRU) */
    public DigestVerifier(DigestNonces nonces, int replayWindow) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.counters = new NonceCounters(replayWindow);
    }

    /**
     * @param authorization the header value, e.g. {@code Digest username="1001", realm=...}; null when absent
     * @param method        the request's method (REGISTER, INVITE, ...), part of the digest
     * @param realm         the realm we challenged with (for agents, the tenant id)
     * @param users         the realm's stored HA1s by username
     */
    public Verification verify(String authorization, String method, String realm, Ha1Source users) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(users, "users");
        DigestCredentials credentials;
        try {
            credentials = DigestCredentials.from(DigestParams.parse(authorization));
        } catch (DigestException e) {
            return Verification.malformed(e.getMessage());
        }
        if (!VERIFIABLE.contains(credentials.algorithm())) {
            return Verification.malformed("algorithm " + credentials.algorithm().token() + " was not offered");
        }
        DigestNonces.Check nonce = nonces.check(credentials.nonce());
        if (!credentials.realm().equals(realm) || nonce.freshness() == DigestNonces.Freshness.FORGED) {
            return Verification.BAD_CREDENTIALS;
        }
        Optional<Ha1> stored = users.find(credentials.username());
        String ha1 = stored.orElse(NOBODY).forAlgorithm(credentials.algorithm()).orElseThrow();
        String expected = credentials.algorithm().response(ha1, credentials.nonce(), credentials.ncText(),
                credentials.cnonce(), credentials.qop().orElse(null), method, credentials.uri());
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credentials.response().getBytes(StandardCharsets.US_ASCII));
        if (stored.isEmpty() || !match) {
            return Verification.BAD_CREDENTIALS;
        }
        // RFC 7616 3.3: stale only for a right digest, so a client with a wrong password is never told to retry silently
        if (nonce.freshness() == DigestNonces.Freshness.STALE) {
            return Verification.STALE;
        }
        // without qop (RFC 2069) there is no nc: such a nonce is good for one request
        long nc = credentials.qop().isPresent() ? credentials.nc() : 1;
        if (!counters.advance(credentials.nonce(), nonce.issuedAtMillis(), nc)) {
            return Verification.STALE;
        }
        return Verification.ok(credentials.username());
    }
}
