package io.callisto.core.crm;

import java.util.Optional;
import java.util.regex.Pattern;

/** E.164 phone numbers: how contacts store them and how a caller's number is matched to a contact. */
public final class PhoneNumber {
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

    private PhoneNumber() {
    }

    /** The E.164 form of a number written with spaces, dots, dashes or parentheses; empty when it is not one. */
    public static Optional<String> normalize(String raw) {
        if (raw == null || raw.length() > 40) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw.trim()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }
}
