package io.callisto.gateway.sip.sdp;

import java.util.Objects;
import java.util.Optional;

/** RFC 3605 {@code a=rtcp:<port> [IN IP4|IP6 <address>]}: where RTCP goes when it is not on RTP port + 1. */
public record Rtcp(int port, Optional<Connection> connection) {

    public Rtcp {
        Objects.requireNonNull(connection, "connection");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("RTCP port must be 0..65535, not " + port);
        }
    }

    public static Rtcp of(int port) {
        return new Rtcp(port, Optional.empty());
    }

    /** The text after {@code a=rtcp:}. */
    public String value() {
        return port + connection.map(c -> " " + c.value()).orElse("");
    }
}
