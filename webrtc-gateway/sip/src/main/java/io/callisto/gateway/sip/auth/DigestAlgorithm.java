package io.callisto.gateway.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The digest algorithms of RFC 7616 3.3 / RFC 8760, and the response computation they share. */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", false),
    MD5_SESS("MD5-sess", "MD5", true),
    SHA_256("SHA-256", "SHA-256", false),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true),
    SHA_512_256("SHA-512-256", "SHA-512/256", false),
    SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true);

    private final String token;
    private final String jcaName;
    private final boolean session;

    DigestAlgorithm(String token, String jcaName, boolean session) {
        this.token = token;
        this.jcaName = jcaName;
        this.session = session;
    }

    /** The algorithm named by a header's {@code algorithm} parameter (case-insensitive), if supported. */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equalsIgnoreCase(token)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The name as written in headers, e.g. {@code SHA-256}. */
    public String token() {
        return token;
    }

    /** True for the {@code -sess} variants, whose HA1 also covers the nonce and cnonce. */
    public boolean isSession() {
        return session;
    }

    /** Length of a digest in lower-case hex: 32 for MD5, 64 for the SHA-2 variants. */
    public int hexLength() {
        return jcaName.equals("MD5") ? 32 : 64;
    }

    /** H(text) in lower-case hex, text as UTF-8. */
    public String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance(jcaName).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is required of every Java runtime", e);
        }
    }

    /** HA1 = H(username ":" realm ":" password), what a registrar stores instead of the password. */
    public String ha1(String username, String realm, String password) {
        return hash(username + ":" + realm + ":" + password);
    }

    /**
     * The request digest of RFC 7616 3.4.1 (RFC 2617 3.2.2 for MD5): with {@code qop=auth},
     * H(HA1:nonce:nc:cnonce:qop:H(method:uri)); without qop (RFC 2069), H(HA1:nonce:H(method:uri)).
     *
     * @param qop    "auth", or null for the RFC 2069 form (then nc and cnonce are ignored)
     */
    String response(String ha1, String nonce, String nc, String cnonce, String qop, String method, String uri) {
        String a1 = session ? hash(ha1 + ":" + nonce + ":" + cnonce) : ha1;
        String ha2 = hash(method + ":" + uri);
        return qop == null ? hash(a1 + ":" + nonce + ":" + ha2) : hash(String.join(":", a1, nonce, nc, cnonce, qop, ha2));
    }
}
