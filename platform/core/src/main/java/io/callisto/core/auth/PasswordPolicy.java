package io.callisto.core.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password acceptable: 10 to 128 characters (the cap bounds hashing cost), at least
 * two kinds of characters, not a well-known password, and not the email's name part.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password123", "1234567890", "12345678910", "qwertyuiop",
            "qwerty1234", "iloveyou12", "letmein123", "welcome123", "admin12345", "changeme12",
            "abcdefghij", "abc1234567", "passw0rd12", "p@ssw0rd12", "football12", "monkey1234");

    private PasswordPolicy() {
    }

    /** Why the password is too weak, or empty when it is acceptable. */
    public static Optional<String> weakness(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("is a well-known password");
        }
        if (characterClasses(password) < 2) {
            return Optional.of("must mix at least two of: lower case, upper case, digits, symbols");
        }
        if (email != null) {
            String normalized = EmailAddress.normalize(email);
            int at = normalized.indexOf('@');
            String local = at > 0 ? normalized.substring(0, at) : normalized;
            if (local.length() >= 4 && lower.contains(local)) {
                return Optional.of("must not contain the email address");
            }
        }
        return Optional.empty();
    }

    private static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
