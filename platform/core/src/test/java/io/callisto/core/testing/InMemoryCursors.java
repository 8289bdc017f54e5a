package io.callisto.core.testing;

import io.callisto.core.error.Errors;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Opaque cursors of the in-memory time-ordered lists: an instant and tie-breaking keys, base64url-encoded. */
final class InMemoryCursors {
    private InMemoryCursors() {
    }

    static String encode(Instant at, Object... keys) {
        StringBuilder text = new StringBuilder(at.toString());
        for (Object key : keys) {
            text.append('/').append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The instant followed by the keys; an invalid-input error when the cursor is not one of ours. */
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

    private static RuntimeException invalid() {
        return Errors.invalid("invalid-cursor", "the cursor is not one this list returned");
    }

    record Decoded(Instant at, List<String> keys) {
        long longKey(int i) {
            try {
                return Long.parseLong(keys.get(i));
            } catch (NumberFormatException e) {
                throw invalid();
            }
        }

        int intKey(int i) {
            try {
                return Integer.parseInt(keys.get(i));
            } catch (NumberFormatException e) {
                throw invalid();
            }
        }
    }
}
