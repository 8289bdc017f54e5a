package io.callisto.core.telephony;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hosts a trunk names: a DNS name or an IP address literal, with no scheme, user part, path or space. A host
 * with a port is {@code host:port}, an IPv6 literal with a port {@code [2001:db8::1]:5060}.
 */
public record SipHost(String host, Integer port) {
    public static final int MAX_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$");

    /** A host name or IP address as a trunk's {@code host}; an IPv6 literal without brackets. */
    public static boolean isHost(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        if (text.contains(":")) {
            return IpBlock.isAddress(text);
        }
        if (isAsciiDigit(text.charAt(text.length() - 1))) {
            // all-numeric last label: only a dotted-quad IPv4 address (never "1.2.3" or "10.0.0.256")
            String last = text.substring(text.lastIndexOf('.') + 1);
            if (last.chars().allMatch(SipHost::isAsciiDigit)) {
                return IpBlock.isAddress(text);
            }
        }
        for (String label : text.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** {@code host} or {@code host:port} (port 1-65535); empty when it is neither. */
    public static Optional<SipHost> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH + 8) {
            return Optional.empty();
        }
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            String inner = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!inner.contains(":") || !IpBlock.isAddress(inner)) {
                return Optional.empty();
            }
            if (rest.isEmpty()) {
                return Optional.of(new SipHost(inner, null));
            }
            return rest.startsWith(":") ? port(rest.substring(1)).map(p -> new SipHost(inner, p)) : Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon >= 0 && text.indexOf(':', colon + 1) < 0) {
            String host = text.substring(0, colon);
            return isHost(host) ? port(text.substring(colon + 1)).map(p -> new SipHost(host, p)) : Optional.empty();
        }
        return isHost(text) ? Optional.of(new SipHost(text, null)) : Optional.empty();
    }

    private static Optional<Integer> port(String text) {
        if (text.isEmpty() || text.length() > 5 || text.charAt(0) == '0' || !text.chars().allMatch(SipHost::isAsciiDigit)) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text);
        return port <= 65_535 ? Optional.of(port) : Optional.empty();
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
