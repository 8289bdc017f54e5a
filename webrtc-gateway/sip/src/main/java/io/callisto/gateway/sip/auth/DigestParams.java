package io.callisto.gateway.sip.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of a {@code Digest} challenge or credentials header value (RFC 3261 25.1, RFC 7616):
 * parsed robustly (any order, case-insensitive names, quoted strings with escapes, tokens, blanks around
 * '=' and ',', empty list elements) and strictly (duplicates, control characters and over-long values are
 * refused with a {@link DigestException}, the only exception parsing ever throws for bad input).
 */
public final class DigestParams {

    /** Longest header value parsed; real ones are a few hundred characters. */
    public static final int MAX_LENGTH = 4096;

    private final List<Param> params;
    private final Map<String, String> values = new LinkedHashMap<>();

    /** One parameter as written: quoted or not, so that a parsed value formats back the same way. */
    record Param(String name, String value, boolean quoted) {
    }

    private DigestParams(List<Param> params) {
        this.params = List.copyOf(params);
        for (Param param : this.params) {
            if (values.putIfAbsent(param.name.toLowerCase(Locale.ROOT), param.value) != null) {
                throw new DigestException("duplicate parameter " + param.name);
            }
        }
    }

    /** Parses a header value such as {@code Digest realm="x", nonce="y", qop="auth"}. */
    public static DigestParams parse(String headerValue) {
        if (headerValue == null) {
            throw new DigestException("no header value");
        }
        if (headerValue.length() > MAX_LENGTH) {
            throw new DigestException("header value is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < headerValue.length(); i++) {
            char c = headerValue.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                throw new DigestException("control character U+%04X at column %d".formatted((int) c, i + 1));
            }
        }
        return new DigestParams(new DigestLexer(headerValue).params());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A parameter's value, unquoted and unescaped; names are case-insensitive. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The header value: {@code Digest name="value", name=token, ...} in the order built. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Digest ");
        for (int i = 0; i < params.size(); i++) {
            Param param = params.get(i);
            text.append(i == 0 ? "" : ", ").append(param.name).append('=');
            if (param.quoted) {
                text.append('"').append(param.value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                text.append(param.value);
            }
        }
        return text.toString();
    }

    /** Builds a header value; each parameter is written quoted or as a token, as RFC 7616 prescribes for it. */
    public static final class Builder {
        private final List<Param> params = new ArrayList<>();

        private Builder() {
        }

        /** A quoted-string parameter, e.g. {@code realm="example.com"}. */
        public Builder quoted(String name, String value) {
            checkName(name);
            Objects.requireNonNull(value, name);
            if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
                throw new IllegalArgumentException("parameter " + name + " contains a control character");
            }
            params.add(new Param(name, value, true));
            return this;
        }

        /** A token parameter, e.g. {@code algorithm=SHA-256}. */
        public Builder token(String name, String value) {
            checkName(name);
            if (!DigestLexer.isToken(Objects.requireNonNull(value, name))) {
                throw new IllegalArgumentException("parameter " + name + " is not a token: " + value);
            }
            params.add(new Param(name, value, false));
            return this;
        }

        public DigestParams build() {
            if (params.isEmpty()) {
                throw new IllegalArgumentException("a Digest header needs parameters");
            }
            try {
                return new DigestParams(params);
            } catch (DigestException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        private static void checkName(String name) {
            if (!DigestLexer.isToken(Objects.requireNonNull(name, "name"))) {
                throw new IllegalArgumentException("parameter name is not a token: " + name);
            }
        }
    }
}
