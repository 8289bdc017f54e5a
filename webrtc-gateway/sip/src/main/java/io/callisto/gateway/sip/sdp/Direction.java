package io.callisto.gateway.sip.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * Media direction attribute (RFC 8866 6.7), from the point of view of the side that wrote the SDP:
 * SENDONLY in an SDP we send means we send and do not want to receive.
 */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /** The direction named by an attribute such as {@code sendonly} (case-insensitive), if it is one. */
    public static Optional<Direction> fromAttribute(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sendrecv" -> Optional.of(SENDRECV);
            case "sendonly" -> Optional.of(SENDONLY);
            case "recvonly" -> Optional.of(RECVONLY);
            case "inactive" -> Optional.of(INACTIVE);
            default -> Optional.empty();
        };
    }

    /**
     * RFC 3264 section 6.1: the answerer may send only what the offerer receives and receive only
     * what it sends; within that, {@code wanted} is what the answerer would like.
     */
    public static Direction answer(Direction offered, Direction wanted) {
        return of(wanted.sends && offered.receives, wanted.receives && offered.sends);
    }

    /** The attribute name as written in SDP, e.g. {@code sendonly}. */
    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }
}
