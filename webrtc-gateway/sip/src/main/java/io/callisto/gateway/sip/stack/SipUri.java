package io.callisto.gateway.sip.stack;

/** A SIP URI as call control reads it: user (may be null), host, port (-1 when absent), transport (may be null). */
public record SipUri(String user, String host, int port, String transport) {
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("sip:");
        if (user != null) {
            s.append(user).append('@');
        }
        s.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        if (port > 0) {
            s.append(':').append(port);
        }
        if (transport != null) {
            s.append(";transport=").append(transport);
        }
        return s.toString();
    }
}
