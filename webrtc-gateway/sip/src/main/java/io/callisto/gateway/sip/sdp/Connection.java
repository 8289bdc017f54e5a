package io.callisto.gateway.sip.sdp;

import java.util.Objects;

/**
 * A {@code c=IN IP4|IP6 <address>} connection address. Only unicast IP literals: no host names (the gateway
 * never resolves names found in SDP) and no multicast TTL/count suffixes.
 */
public record Connection(String addressType, String address) {

    public static final String IP4 = "IP4";
    public static final String IP6 = "IP6";

    public Connection {
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(address, "address");
        switch (addressType) {
            case IP4 -> {
                if (!AddressLiterals.isIp4(address)) {
                    throw new IllegalArgumentException("not an IPv4 address literal: " + Syntax.quote(address));
                }
            }
            case IP6 -> {
                if (!AddressLiterals.isIp6(address)) {
                    throw new IllegalArgumentException("not an IPv6 address literal: " + Syntax.quote(address));
                }
            }
            default -> throw new IllegalArgumentException("address type must be IP4 or IP6, not " + Syntax.quote(addressType));
        }
    }

    /** The connection for an IPv4 or IPv6 literal, its type told by its form. */
    public static Connection of(String literal) {
        Objects.requireNonNull(literal, "literal");
        if (AddressLiterals.isIp4(literal)) {
            return new Connection(IP4, literal);
        }
        if (AddressLiterals.isIp6(literal)) {
            return new Connection(IP6, literal);
        }
        throw new IllegalArgumentException("not an IP address literal (host names are not resolved): " + Syntax.quote(literal));
    }

    /** RFC 2543's way of putting a call on hold ({@code c=IN IP4 0.0.0.0}), still sent by old equipment. */
    public boolean isHoldAddress() {
        return "0.0.0.0".equals(address);
    }

    /** The value of the {@code c=} line. */
    public String value() {
        return "IN " + addressType + " " + address;
    }
}
