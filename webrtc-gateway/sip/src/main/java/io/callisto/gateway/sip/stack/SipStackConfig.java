package io.callisto.gateway.sip.stack;

import java.util.Objects;

/**
 * Where the SIP stack listens: one address, UDP and TCP on one port. {@code maxMessageBytes} bounds what a TCP
 * peer can make the parser hold; {@link TcpLimits} bound how long and how many connections a peer can hold open.
 */
public record SipStackConfig(String name, String host, int port, boolean udp, boolean tcp, int maxMessageBytes,
                             int maxServerTransactions, TcpLimits tcpLimits, Tls tls) {
    /**
     * Limits on accepted TCP connections, so that peers cannot hold the stack's connection slots (and a thread each):
     * {@code messageMillis} to finish a message once it has started; {@code firstByteMillis} for a new connection
     * (or a TLS handshake) to send anything; {@code idleMillis} of silence after which a connection is closed (longer
     * than a registration lasts, so a phone's refresh keeps its connection); {@code perAddress} connections at once
     * from one address.
     */
    public record TcpLimits(int messageMillis, int firstByteMillis, int idleMillis, int perAddress) {
        public static final TcpLimits DEFAULT = new TcpLimits(5_000, 10_000, 3_660_000, 100);

        public TcpLimits {
            if (messageMillis <= 0 || firstByteMillis <= 0 || idleMillis <= 0 || perAddress <= 0) {
                throw new IllegalArgumentException("TCP limits must be positive");
            }
        }
    }

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

    /** This configuration with TLS too. */
    public SipStackConfig withTls(Tls value) {
        return new SipStackConfig(name, host, port, udp, tcp, maxMessageBytes, maxServerTransactions, tcpLimits, value);
    }

    /** This configuration with other TCP limits. */
    public SipStackConfig withTcpLimits(TcpLimits value) {
        return new SipStackConfig(name, host, port, udp, tcp, maxMessageBytes, maxServerTransactions, value, tls);
    }

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024;

    public SipStackConfig {
        Objects.requireNonNull(name);
        Objects.requireNonNull(host);
        Objects.requireNonNull(tcpLimits);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (!udp && !tcp) {
            throw new IllegalArgumentException("listen on UDP, TCP or both");
        }
    }

    /** UDP and TCP on the host and port, with the defaults. */
    public static SipStackConfig of(String name, String host, int port) {
        return new SipStackConfig(name, host, port, true, true, DEFAULT_MAX_MESSAGE_BYTES, 20_000, TcpLimits.DEFAULT,
                null);
    }
}
