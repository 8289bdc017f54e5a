package io.callisto.core.telephony;

/** How SIP reaches the trunk's host; TLS defaults to port 5061, the others to 5060. */
public enum TrunkTransport {
    UDP(5060),
    TCP(5060),
    TLS(5061);

    private final int defaultPort;

    TrunkTransport(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
