package io.callisto.gateway.media.webrtc;

import java.io.IOException;
import java.time.Duration;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * Runs the gateway's side of a browser leg's DTLS handshake over a {@link DatagramLink}. It blocks until the
 * handshake ends: run it on its own (virtual) thread, never on signalling's.
 */
public final class DtlsHandshake {
    /** DTLS records fit one datagram; the browser's large ClientHello arrives fragmented and is reassembled. */
    static final int RECEIVE_LIMIT = 1500;
    static final int SEND_LIMIT = 1400;

    private DtlsHandshake() {
    }

    /** A completed handshake: the SRTP keys, and the DTLS connection (to close it with an alert on hang-up). */
    public record Established(SrtpKeys keys, DTLSTransport connection) {
    }

    /**
     * Accepts the browser's handshake. {@code remoteFingerprint} is the {@code a=fingerprint} value of its SDP; a
     * certificate that does not match it, no common SRTP profile, or no handshake within {@code timeout} fail with a
     * {@link DtlsException}.
     */
    public static Established accept(DtlsIdentity identity, String remoteFingerprint, DatagramLink link, Duration timeout)
            throws DtlsException {
        DtlsSrtpServer server = new DtlsSrtpServer(identity, remoteFingerprint, (int) timeout.toMillis());
        try {
            DTLSTransport connection = new DTLSServerProtocol().accept(server, transport(link));
            return new Established(server.keys(), connection);
        } catch (TlsFatalAlert e) {
            throw new DtlsException("DTLS handshake refused: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new DtlsException("DTLS handshake failed: " + e.getMessage(), e);
        }
    }

    /** The link as BouncyCastle's datagram transport. */
    static DatagramTransport transport(DatagramLink link) {
        return new DatagramTransport() {
            @Override
            public int getReceiveLimit() {
                return RECEIVE_LIMIT;
            }

            @Override
            public int getSendLimit() {
                return SEND_LIMIT;
            }

            @Override
            public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
                return link.receive(buf, off, len, Math.max(1, waitMillis));
            }

            @Override
            public void send(byte[] buf, int off, int len) throws IOException {
                link.send(buf, off, len);
            }

            @Override
            public void close() {
                // the link belongs to the leg, which closes it
            }
        };
    }
}
