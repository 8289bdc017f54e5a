package io.callisto.gateway.sip.auth;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored secrets of one SIP user: HA1 = H(username:realm:password) in MD5 (old phones) and SHA-256,
 * lower-case hex, exactly as {@code io.callisto.core.agent.SipDigests} computes them (realm = tenant id).
 */
public record Ha1(String md5, String sha256) {

    public Ha1 {
        md5 = hex(md5, 32, "MD5");
        sha256 = hex(sha256, 64, "SHA-256");
    }

    /** Both hashes from a password, for provisioning and tests; the verifier itself never sees passwords. */
    public static Ha1 fromPassword(String username, String realm, String password) {
        return new Ha1(DigestAlgorithm.MD5.ha1(username, realm, password),
                DigestAlgorithm.SHA_256.ha1(username, realm, password));
    }

    /** The HA1 an algorithm (or its -sess variant) works from; SHA-512-256 is not stored. */
    public Optional<String> forAlgorithm(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5, MD5_SESS -> Optional.of(md5);
            case SHA_256, SHA_256_SESS -> Optional.of(sha256);
            default -> Optional.empty();
        };
    }

    private static String hex(String value, int length, String what) {
        Objects.requireNonNull(value, what);
        if (value.length() != length || !value.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException(what + " HA1 must be " + length + " hex digits");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
