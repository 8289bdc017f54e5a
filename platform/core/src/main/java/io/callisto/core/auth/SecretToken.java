package io.callisto.core.auth;

import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An opaque secret handed to a client once (API key, refresh token): {@code <kind>.<tenant>.<id>.<secret>}.
 * The tenant and id let the server find the record within the tenant; only the SHA-256 of the whole
 * token is stored, so a database leak reveals no usable credential.
 */
public record SecretToken(String kind, TenantId tenantId, String id, String secret) {
    private static final int SECRET_BYTES = 32;

    public static SecretToken generate(String kind, TenantId tenantId, String id) {
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(Ids.secretBytes(SECRET_BYTES));
        return new SecretToken(kind, tenantId, id, secret);
    }

    /** Parses a presented token of the given kind; empty when it does not have the shape. */
    public static Optional<SecretToken> parse(String kind, String presented) {
        if (presented == null || presented.length() > 256) {
            return Optional.empty();
        }
        String[] parts = presented.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(kind) || parts[1].isEmpty() || parts[2].isEmpty()
                || parts[3].length() < 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SecretToken(kind, new TenantId(parts[1]), parts[2], parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String value() {
        return kind + "." + tenantId.value() + "." + id + "." + secret;
    }

    public String hash() {
        return sha256(value());
    }

    /** Constant-time comparison of this token's hash with a stored one. */
    public boolean matchesHash(String storedHash) {
        return MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return kind + "." + tenantId.value() + "." + id + ".***";
    }

    static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
