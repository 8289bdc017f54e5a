package io.callisto.gateway.call;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a Refer-To value: the user part of its SIP URI (a transfer's target name), ignoring parameters and headers. */
final class TransferTargets {
    private static final Pattern SIP_USER = Pattern.compile("^\\s*<?\\s*sips?:([^@;>?]{1,128})@[^>]*>?.*$");

    private TransferTargets() {
    }

    /** The user of the URI, or null when the value is no sip: URI with a user (or carries Replaces: attended). */
    static String userOf(String referTo) {
        if (referTo == null || referTo.length() > 1024 || referTo.contains("Replaces=")) {
            return null;
        }
        Matcher m = SIP_USER.matcher(referTo);
        return m.matches() ? m.group(1) : null;
    }
}
