package io.callisto.gateway.sip.sdp;

import java.util.ArrayList;
import java.util.List;

/** Lexical rules of RFC 8866 section 9 shared by the model's validation and the parser. ASCII digits only. */
final class Syntax {

    private Syntax() {
    }

    /** RFC 8866 token: visible ASCII except the separators {@code "(),/:;<=>?@[\]} and space. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A transport protocol such as {@code UDP/TLS/RTP/SAVPF}: tokens joined by slashes. */
    static boolean isProtocol(String text) {
        for (String part : text.split("/", -1)) {
            if (!isToken(part)) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A decimal in {@code min..max}, ASCII digits only (no sign, no leading zeros beyond one digit of 0). */
    static int parseInt(String text, int min, int max, String what) {
        if (!isDigits(text) || text.length() > 9 || text.length() > 1 && text.charAt(0) == '0') {
            throw new IllegalArgumentException(what + " must be a number " + min + ".." + max + ", not " + quote(text));
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", not " + value);
        }
        return value;
    }

    /** A non-negative decimal of up to 18 ASCII digits, so it always fits a long. */
    static long parseLong(String text, String what) {
        if (!isDigits(text) || text.length() > 18) {
            throw new IllegalArgumentException(what + " must be a number of at most 18 digits, not " + quote(text));
        }
        return Long.parseLong(text);
    }

    /** Splits a field value at runs of spaces or tabs, ignoring leading and trailing ones. */
    static List<String> fields(String value) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            while (i < value.length() && isBlank(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < value.length() && !isBlank(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                fields.add(value.substring(start, i));
            }
        }
        return fields;
    }

    /** Rejects characters no SDP value may hold: CR, LF, NUL and the other control characters (tab is allowed). */
    static String checkText(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                throw new IllegalArgumentException(what + " contains control character U+%04X".formatted((int) c));
            }
        }
        return text;
    }

    /** A value for an error message: quoted, and cut short so a hostile body cannot flood the logs. */
    static String quote(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isTokenChar(char c) {
        return c == '!' || c >= '#' && c <= '\'' || c == '*' || c == '+' || c == '-' || c == '.'
                || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= '^' && c <= '~';
    }
}
