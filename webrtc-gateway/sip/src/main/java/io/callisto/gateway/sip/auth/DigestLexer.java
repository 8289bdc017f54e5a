package io.callisto.gateway.sip.auth;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code Digest} followed by a comma-separated list of {@code name=value} pairs, one value at a time. */
final class DigestLexer {

    private final String text;
    private int pos;

    DigestLexer(String text) {
        this.text = text;
    }

    /** RFC 3261 token characters: alphanumerics and {@code -.!%*_+`'~}. */
    static boolean isToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isTokenChar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        return alphanumeric || "-.!%*_+`'~".indexOf(c) >= 0;
    }

    /** The parameters in order, names as written. */
    List<DigestParams.Param> params() {
        skipBlanks();
        String scheme = token();
        if (!scheme.equalsIgnoreCase("Digest")) {
            throw new DigestException(scheme.isEmpty() ? "expected the Digest scheme" : "not a Digest header: scheme " + scheme);
        }
        if (pos < text.length() && !isBlank(text.charAt(pos))) {
            throw new DigestException("expected a space after Digest");
        }
        List<DigestParams.Param> params = new ArrayList<>();
        while (true) {
            while (pos < text.length() && (isBlank(text.charAt(pos)) || text.charAt(pos) == ',')) {
                pos++;
            }
            if (pos == text.length()) {
                break;
            }
            params.add(param());
            skipBlanks();
            if (pos < text.length() && text.charAt(pos) != ',') {
                throw new DigestException("expected ',' at column " + (pos + 1));
            }
        }
        if (params.isEmpty()) {
            throw new DigestException("no parameters after Digest");
        }
        return params;
    }

    private DigestParams.Param param() {
        String name = token();
        if (name.isEmpty()) {
            throw new DigestException("expected a parameter name at column " + (pos + 1));
        }
        skipBlanks();
        if (pos == text.length() || text.charAt(pos) != '=') {
            throw new DigestException("expected '=' after " + name);
        }
        pos++;
        skipBlanks();
        boolean quoted = pos < text.length() && text.charAt(pos) == '"';
        String value = quoted ? quoted() : bare();
        if (value == null) {
            throw new DigestException("parameter " + name + " has no value");
        }
        return new DigestParams.Param(name, value, quoted);
    }

    /** A quoted-string: backslash escapes any character (RFC 3261 25.1 quoted-pair). */
    private String quoted() {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (pos == text.length()) {
                    break;
                }
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        throw new DigestException("unterminated quoted string");
    }

    /** An unquoted value: lenient (some clients write nonces unquoted), up to a blank, comma or quote. */
    private String bare() {
        int start = pos;
        while (pos < text.length() && !isBlank(text.charAt(pos)) && text.charAt(pos) != ',' && text.charAt(pos) != '"') {
            pos++;
        }
        return pos > start ? text.substring(start, pos) : null;
    }

    private String token() {
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipBlanks() {
        while (pos < text.length() && isBlank(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
