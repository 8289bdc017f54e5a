package io.callisto.gateway.sip.stack;

import java.util.Objects;

/**
 * Where the SIP stack listens: one address, UDP and TCP on one port. {@code maxMessageBytes} bounds what a TCP
 * peer can make the parser hold; {@code tcpReadTimeoutMillis} drops peers that open a connection and send
 * nothing (or too slowly) before a whole message.
 */
public record SipStackConfig(String name, String host, int port, boolean udp, boolean tcp, int maxMessageBytes,
                             int maxServerTransactions, int tcpReadTimeoutMillis, Tls tls) {
    /** SIP over TLS on its own port, with the certificate and key in a PKCS12 keystore. */
    public record Tls(int port, java.nio.file.Path keystore, String password) {
        public Tls {
            Objects.requireNonNull(keystore);
            Objects.requireNonNull(password);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("the TLS port must be 0..65535");
            }
        }
    }

    public SipStackConfig(String name, String host, int port, boolean udp, boolean tcp, int maxMessageBytes,
                          int maxServerTransactions, int tcpReadTimeoutMillis) {
        this(name, host, port, udp, tcp, maxMessageBytes, maxServerTransactions, tcpReadTimeoutMillis, null);
    }

    /** This configuration with TLS too. */
    public SipStackConfig withTls(Tls value) {
        return new SipStackConfig(name, host, port, udp, tcp, maxMessageBytes, maxServerTransactions, tcpReadTimeoutMillis,
                value);
    }

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024;

    public SipStackConfig {
        Objects.requireNonNull(name);
        Objects.requireNonNull(host);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (!udp && !tcp) {
            throw new IllegalArgumentException("listen on UDP, TCP or both");
        }
    }

    /** UDP and TCP on the host and port, with the defaults. */
    public static SipStackConfig of(String name, String host, int port) {
        return new SipStackConfig(name, host, port, true, true, DEFAULT_MAX_MESSAGE_BYTES, 20_000, 5_000);
    }
}
