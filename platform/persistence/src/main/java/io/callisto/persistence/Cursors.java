package io.callisto.persistence;

import io.callisto.core.error.Errors;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors for lists ordered by time: the last item's instant and tie-breaking keys,
 * joined with '/' (the last key may contain one) and base64url-encoded, so they travel in a URL as is.
 */
final class Cursors {
    private Cursors() {
    }

    static String encode(Instant at, Object... keys) {
        StringBuilder text = new StringBuilder(at.toString());
        for (Object key : keys) {
            text.append('/').append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The instant and {@code keys} keys of a cursor; an invalid-input error when it is not one of ours. */
    static Decoded decode(String cursor, int keys) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split("/", keys + 1);
            if (parts.length != keys + 1) {
                throw invalid();
            }
            return new Decoded(Instant.parse(parts[0]), List.of(parts).subList(1, parts.length));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw invalid();
        }
    }

    static long longKey(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    static int intKey(String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static RuntimeException invalid() {
        return Errors.invalid("invalid-cursor", "the cursor is not one this list returned");
    }

    record Decoded(Instant at, List<String> keys) {
    }
}
