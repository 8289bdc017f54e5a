package io.callisto.gateway.media.webrtc;

import java.util.Locale;
import java.util.Optional;

/**
 * One ICE candidate as SDP writes it (RFC 8839 5.1), the value after {@code a=candidate:}:
 * {@code <foundation> <component> <transport> <priority> <address> <port> typ <type> [raddr ...]}.
 */
public record IceCandidate(String foundation, int component, String transport, long priority, String address, int port,
                           String type) {
    /** The candidate, or empty when the text is not one (it is then ignored, as RFC 8839 asks of unknown forms). */
    public static Optional<IceCandidate> parse(String value) {
        if (value == null || value.length() > 512) {
            return Optional.empty();
        }
        String text = value.startsWith("candidate:") ? value.substring("candidate:".length()) : value;
        String[] f = text.trim().split("\\s+");
        if (f.length < 8 || !"typ".equals(f[6]) || f[0].isEmpty() || f[0].length() > 32) {
            return Optional.empty();
        }
        try {
            int component = Integer.parseInt(f[1]);
            long priority = Long.parseLong(f[3]);
            int port = Integer.parseInt(f[5]);
            if (component < 1 || component > 256 || priority < 0 || priority > 0xffffffffL || port < 1 || port > 65_535) {
                return Optional.empty();
            }
            return Optional.of(new IceCandidate(f[0], component, f[2].toLowerCase(Locale.ROOT), priority, f[4], port,
                    f[7].toLowerCase(Locale.ROOT)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The SDP value (without {@code a=candidate:}). */
    public String toSdp() {
        return foundation + " " + component + " " + transport.toUpperCase(Locale.ROOT) + " " + priority + " " + address
                + " " + port + " typ " + type;
    }

    /** A UDP candidate with a literal IPv4 address: the only kind the gateway pairs with (no mDNS .local, no TCP). */
    boolean isUdpIpv4() {
        return "udp".equals(transport) && address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
