package io.callisto.gateway.sip.auth;

import java.util.List;
import java.util.Objects;

/**
 * Makes the values of WWW-Authenticate (401) and Proxy-Authenticate (407) headers. One nonce serves all the
 * challenges of a response, since it is not tied to an algorithm.
 */
public final class DigestChallenger {

    /**
     * MD5 first: many deployed phones read only the first challenge, and RFC 8760 clients use the topmost one
     * they support, so putting SHA-256 first would lock those phones out. Reorder when the fleet allows it.
     */
    public static final List<DigestAlgorithm> DEFAULT_ORDER = List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);

    private final DigestNonces nonces;
    private final List<DigestAlgorithm> order;

    public DigestChallenger(DigestNonces nonces) {
        this(nonces, DEFAULT_ORDER);
    }

    /** @param order the algorithms to challenge with, most preferred first; only MD5 and SHA-256 have stored HA1s */
    public DigestChallenger(DigestNonces nonces, List<DigestAlgorithm> order) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.order = List.copyOf(order);
        if (this.order.isEmpty() || !DigestVerifier.VERIFIABLE.containsAll(this.order)) {
            throw new IllegalArgumentException("challenge algorithms must be some of " + DigestVerifier.VERIFIABLE);
        }
    }

    /** One header value per algorithm, sharing a fresh nonce; {@code stale} after a STALE verification. */
    public List<String> challenges(String realm, boolean stale) {
        String nonce = nonces.issue();
        return order.stream().map(algorithm -> challenge(realm, nonce, algorithm, stale)).toList();
    }

    /** A single challenge with a fresh nonce. */
    public String challenge(String realm, DigestAlgorithm algorithm, boolean stale) {
        if (!DigestVerifier.VERIFIABLE.contains(algorithm)) {
            throw new IllegalArgumentException("cannot verify " + algorithm.token() + ": no such HA1 is stored");
        }
        return challenge(realm, nonces.issue(), algorithm, stale);
    }

    private static String challenge(String realm, String nonce, DigestAlgorithm algorithm, boolean stale) {
        DigestParams.Builder header = DigestParams.builder().quoted("realm", realm).quoted("nonce", nonce)
                .token("algorithm", algorithm.token()).quoted("qop", "auth");
        if (stale) {
            header.token("stale", "true");
        }
        return header.build().toString();
    }
}
