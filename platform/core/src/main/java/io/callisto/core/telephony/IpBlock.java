package io.callisto.core.telephony;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address or CIDR block, parsed strictly by hand (never by a resolver, so a hostname is refused
 * rather than looked up): IPv4 as a dotted quad without leading zeros and {@code /0}-{@code /32}; IPv6 in its
 * text forms (groups of 1-4 hex digits, one {@code ::} at most, an embedded dotted quad last) and
 * {@code /0}-{@code /128}, no zone id. An address without a prefix is a block of that one address.
 */
public record IpBlock(byte[] address, int prefix) {
    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;

    public IpBlock {
        address = address.clone();
        if ((address.length != IPV4_BYTES && address.length != IPV6_BYTES) || prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("invalid block");
        }
    }

    /** The block, or empty when the text is not an IP address or CIDR block. */
    public static Optional<IpBlock> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 50) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        byte[] address = addressText.contains(":") ? ipv6(addressText) : ipv4(addressText);
        if (address == null) {
            return Optional.empty();
        }
        int prefix = address.length * 8;
        if (slash >= 0) {
            int parsed = decimal(text.substring(slash + 1), prefix);
            if (parsed < 0) {
                return Optional.empty();
            }
            prefix = parsed;
        }
        return Optional.of(new IpBlock(address, prefix));
    }

    /** True when the text is an IP address literal (no prefix). */
    public static boolean isAddress(String text) {
        return text != null && !text.contains("/") && parse(text).isPresent();
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    public boolean isIpv6() {
        return address.length == IPV6_BYTES;
    }

    /** Whether the address lies in the block (an IPv4 address is never in an IPv6 block, nor the reverse). */
    public boolean contains(InetAddress candidate) {
        byte[] other = candidate.getAddress();
        if (other.length != address.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (other[i] != address[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (other[full] & mask) == (address[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpBlock b && b.prefix == prefix && Arrays.equals(b.address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + prefix;
    }

    @Override
    public String toString() {
        try {
            return java.net.InetAddress.getByAddress(address).getHostAddress() + "/" + prefix; // CIDR, as configured
        } catch (java.net.UnknownHostException e) {
            return Arrays.toString(address) + "/" + prefix; // cannot happen: the length was checked on creation
        }
    }

    /** A decimal 0..max without sign or leading zeros, or -1. */
    private static int decimal(String text, int max) {
        if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != IPV4_BYTES) {
            return null;
        }
        byte[] bytes = new byte[IPV4_BYTES];
        for (int i = 0; i < IPV4_BYTES; i++) {
            int octet = decimal(parts[i], 255);
            if (octet < 0) {
                return null;
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }

    static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        byte[] tail = gap < 0 ? new byte[0] : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int filled = head.length + tail.length;
        if (gap < 0 ? filled != IPV6_BYTES : filled > IPV6_BYTES - 2) {
            return null;
        }
        byte[] bytes = new byte[IPV6_BYTES];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, IPV6_BYTES - tail.length, tail.length);
        return bytes;
    }

    /** Colon-separated hex groups (the last may be a dotted quad when {@code last} is true) as bytes; null if invalid. */
    private static byte[] groups(String text, boolean last) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        String[] parts = text.split(":", -1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (last && i == parts.length - 1 && part.contains(".")) {
                byte[] v4 = ipv4(part);
                if (v4 == null) {
                    return null;
                }
                out.writeBytes(v4);
            } else {
                if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(IpBlock::isHex)) {
                    return null;
                }
                int value = Integer.parseInt(part, 16);
                out.write(value >> 8);
                out.write(value & 0xff);
            }
        }
        return out.size() <= IPV6_BYTES ? out.toByteArray() : null;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
