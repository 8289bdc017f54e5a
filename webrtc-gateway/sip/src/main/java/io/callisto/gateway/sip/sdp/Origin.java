package io.callisto.gateway.sip.sdp;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The {@code o=} line. The session id is kept as the digit string it was (it is only compared and echoed);
 * the version is a number because RFC 3264 requires each new offer to increment it, and NTP-style values
 * may exceed a long.
 */
public record Origin(String username, String sessionId, BigInteger sessionVersion, String netType, String addressType,
                     String address) {

    public Origin {
        checkField(username, "origin username");
        Objects.requireNonNull(sessionId, "sessionId");
        if (!Syntax.isDigits(sessionId)) {
            throw new IllegalArgumentException("origin session id must be digits, not " + Syntax.quote(sessionId));
        }
        Objects.requireNonNull(sessionVersion, "sessionVersion");
        if (sessionVersion.signum() < 0) {
            throw new IllegalArgumentException("origin session version must not be negative");
        }
        checkField(netType, "origin network type");
        checkField(addressType, "origin address type");
        // any token: the origin address only identifies the session, it is never connected to or resolved
        checkField(address, "origin address");
    }

    /** {@code o=- <sessionId> <version> IN IP4|IP6 <address>}, as the gateway writes its own. */
    public static Origin of(long sessionId, long version, String address) {
        if (sessionId < 0 || version < 0) {
            throw new IllegalArgumentException("session id and version must not be negative");
        }
        return new Origin("-", Long.toString(sessionId), BigInteger.valueOf(version), "IN",
                Connection.of(address).addressType(), address);
    }

    /** The same origin with the version incremented, as a changed SDP of the same session needs. */
    public Origin nextVersion() {
        return new Origin(username, sessionId, sessionVersion.add(BigInteger.ONE), netType, addressType, address);
    }

    /** The value of the {@code o=} line. */
    public String value() {
        return String.join(" ", username, sessionId, sessionVersion.toString(), netType, addressType, address);
    }

    private static void checkField(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw new IllegalArgumentException(what + " must be a non-empty word, not " + Syntax.quote(value));
        }
    }
}
