package io.callisto.gateway.media.webrtc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** Certificate fingerprints as SDP writes them (RFC 8122): {@code <hash> <upper-case hex bytes joined by colons>}. */
final class Fingerprints {
    private Fingerprints() {
    }

    /** The fingerprint of DER-encoded certificate bytes with the named hash (sha-1, sha-256, sha-384, sha-512). */
    static String of(String hash, byte[] der) {
        return hash.toLowerCase(Locale.ROOT) + " " + HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(digest(hash).orElseThrow(() -> new IllegalArgumentException("unknown hash " + hash))
                        .digest(der));
    }

    /**
     * Whether {@code expected} (an SDP fingerprint value, any case) is the fingerprint of the certificate; false for
     * an unknown hash or a malformed value.
     */
    static boolean matches(String expected, byte[] der) {
        if (expected == null || expected.length() > 300) {
            return false;
        }
        String[] parts = expected.trim().split("\\s+");
        if (parts.length != 2 || digest(parts[0]).isEmpty()) {
            return false;
        }
        byte[] wanted;
        try {
            wanted = HexFormat.ofDelimiter(":").parseHex(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(wanted, digest(parts[0]).orElseThrow().digest(der));
    }

    private static Optional<MessageDigest> digest(String hash) {
        String name = switch (hash.toLowerCase(Locale.ROOT)) {
            case "sha-1" -> "SHA-1";
            case "sha-256" -> "SHA-256";
            case "sha-384" -> "SHA-384";
            case "sha-512" -> "SHA-512";
            default -> null;
        };
        try {
            return name == null ? Optional.empty() : Optional.of(MessageDigest.getInstance(name));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }
}
