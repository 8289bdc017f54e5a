package io.callisto.gateway.sip.sdp;

import java.util.Objects;
import java.util.Optional;

/**
 * An attribute the model does not interpret ({@code a=name} or {@code a=name:value}), kept verbatim and
 * in order so that ICE, DTLS, SSRC and vendor attributes survive a round trip through the gateway.
 */
public record Attribute(String name, Optional<String> value) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!Syntax.isToken(name)) {
            throw new IllegalArgumentException("attribute name must be a token, not " + Syntax.quote(name));
        }
        value.ifPresent(text -> Syntax.checkText(text, "attribute a=" + name));
    }

    /** A property attribute such as {@code a=rtcp-rsize}. */
    public static Attribute of(String name) {
        return new Attribute(name, Optional.empty());
    }

    /** A value attribute such as {@code a=mid:0}. */
    public static Attribute of(String name, String value) {
        return new Attribute(name, Optional.of(value));
    }

    /** The text after {@code a=}. */
    @Override
    public String toString() {
        return value.map(v -> name + ":" + v).orElse(name);
    }
}
