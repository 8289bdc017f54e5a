package io.callisto.core.ids;

import java.security.SecureRandom;

/**
 * Generates opaque identifiers: a one-letter kind prefix and 16 characters of lowercase base32
 * (80 random bits). Lowercase letters and digits only, so a tenant id is also a valid DNS label
 * (agents register as {@code sip:user@<tenantId>}).
 */
public final class Ids {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 16;

    private Ids() {
    }

    public static String next(char prefix) {
        char[] out = new char[LENGTH + 1];
        out[0] = prefix;
        for (int i = 1; i <= LENGTH; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /** Random bytes for secrets (API keys, refresh tokens). */
    public static byte[] secretBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
