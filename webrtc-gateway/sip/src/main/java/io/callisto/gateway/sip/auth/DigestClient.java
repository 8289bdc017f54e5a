package io.callisto.gateway.sip.auth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers a carrier's 401/407 challenge: makes the Authorization / Proxy-Authorization value for a request
 * (RFC 3261 22.2, RFC 7616 3.4, RFC 8760). Each challenge is answered once, with nc=00000001 and a fresh
 * random cnonce; the nonce is not cached for later requests.
 */
public final class DigestClient {

    private static final String FIRST_NC = "00000001";

    private final Supplier<String> cnonces;

    public DigestClient() {
        this(randomCnonces());
    }

    /** @param cnonces where client nonces come from; tests pin them, production uses 16 random bytes in hex */
    public DigestClient(Supplier<String> cnonces) {
        this.cnonces = Objects.requireNonNull(cnonces, "cnonces");
    }

    /**
     * The credentials for one challenge header value.
     *
     * @throws DigestException when the challenge is malformed or asks for an unsupported algorithm or qop
     */
    public String authorize(String challenge, String username, String password, String method, String uri) {
        DigestParams params = DigestParams.parse(challenge);
        String realm = params.get("realm").orElseThrow(() -> new DigestException("challenge has no realm"));
        String nonce = params.get("nonce").filter(n -> !n.isEmpty())
                .orElseThrow(() -> new DigestException("challenge has no nonce"));
        String algorithmName = params.get("algorithm").orElse("MD5");
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(algorithmName)
                .orElseThrow(() -> new DigestException("unsupported algorithm " + algorithmName));
        Optional<String> qop = qop(params);
        String cnonce = qop.isPresent() || algorithm.isSession() ? cnonces.get() : null;
        String response = algorithm.response(algorithm.ha1(username, realm, password), nonce, FIRST_NC, cnonce,
                qop.orElse(null), method, uri);
        DigestParams.Builder header = DigestParams.builder().quoted("username", username).quoted("realm", realm)
                .quoted("nonce", nonce).quoted("uri", uri).quoted("response", response)
                .token("algorithm", algorithm.token());
        if (cnonce != null) {
            header.quoted("cnonce", cnonce);
        }
        params.get("opaque").ifPresent(opaque -> header.quoted("opaque", opaque));
        if (qop.isPresent()) {
            header.token("qop", qop.get()).token("nc", FIRST_NC);
        }
        return header.build().toString();
    }

    /**
     * The credentials for the topmost challenge this client can answer (RFC 8760 2.4), e.g. SHA-256 when a
     * server offers it before MD5, MD5 when the SHA-256 one comes with a qop we lack.
     *
     * @throws DigestException when none can be answered; the message lists why
     */
    public String authorize(List<String> challenges, String username, String password, String method, String uri) {
        List<String> problems = new ArrayList<>();
        for (String challenge : challenges) {
            try {
                return authorize(challenge, username, password, method, uri);
            } catch (DigestException e) {
                problems.add(e.getMessage());
            }
        }
        throw new DigestException("no usable challenge: " + (problems.isEmpty() ? "none given" : String.join("; ", problems)));
    }

    /** {@code auth} when offered (possibly among others such as auth-int); empty without qop (RFC 2069). */
    private static Optional<String> qop(DigestParams params) {
        Optional<String> offered = params.get("qop");
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        for (String option : offered.get().split(",")) {
            if (option.strip().equalsIgnoreCase("auth")) {
                return Optional.of("auth");
            }
        }
        throw new DigestException("unsupported qop " + offered.get());
    }

    private static Supplier<String> randomCnonces() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        };
    }
}
