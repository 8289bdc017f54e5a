package io.callisto.gateway.sip.stack;

import java.util.Objects;

/** A header to add to a message we send, by name and value as it appears on the wire. */
public record SipHeader(String name, String value) {
    public SipHeader {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a header value must be one line");
        }
    }
}
