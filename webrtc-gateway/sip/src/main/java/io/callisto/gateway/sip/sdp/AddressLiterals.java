package io.callisto.gateway.sip.sdp;

import java.net.Inet6Address;

/**
 * IP address literals as SDP writes them. Purely textual: nothing here may ever trigger a DNS or
 * interface lookup, which is why host names, brackets and IPv6 zone ids are refused up front.
 */
final class AddressLiterals {

    private AddressLiterals() {
    }

    /** RFC 8866 IP4-address: four decimal octets 0..255, no leading zeros (so "010" cannot mean octal). */
    static boolean isIp4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (!Syntax.isDigits(octet) || octet.length() > 3 || octet.length() > 1 && octet.charAt(0) == '0'
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4291 text form, including "::" compression and a trailing dotted IPv4 part. */
    static boolean isIp6(String text) {
        if (text.length() < 2 || text.length() > 45 || text.indexOf(':') < 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!hex && c != ':' && c != '.') {
                return false;
            }
        }
        try {
            // only hex digits, ':' and '.' reach here: a pure literal parse, never a lookup
            Inet6Address.ofLiteral(text);
            return true;
        } catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }
}
