package io.callisto.dist;

import io.callisto.core.auth.ClusterSecretRepository;
import io.callisto.core.ids.Ids;
import java.util.Base64;

/**
 * The access-token signing key: CALLISTO_JWT_SECRET (base64, at least 256 bits) when an operator sets it,
 * else one generated on first start and kept in the database, so every platform member shares it.
 */
final class SigningKey {
    static final String SECRET_NAME = "access-token-hs256";
    private static final int KEY_BYTES = 32;

    private SigningKey() {
    }

    static byte[] resolve(Settings settings, ClusterSecretRepository secrets) {
        String configured = settings.getOrNull("CALLISTO_JWT_SECRET");
        String encoded = configured != null ? configured
                : secrets.getOrCreate(SECRET_NAME, () -> Base64.getEncoder().encodeToString(Ids.secretBytes(KEY_BYTES)));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CALLISTO_JWT_SECRET must be base64", e);
        }
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException("CALLISTO_JWT_SECRET must decode to at least 32 bytes");
        }
        return key;
    }
}
