package io.callisto.core.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email syntax check and the normal form stored and compared (trimmed, lower case). */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;
    // Deliberately simple: one @, a non-empty local part, a domain with a dot and no spaces.
    private static final Pattern SHAPE = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private EmailAddress() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= MAX_LENGTH && SHAPE.matcher(email.trim()).matches();
    }

    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
