package io.callisto.gateway.media.webrtc;

import java.io.IOException;

/**
 * Where a DTLS handshake's records travel: the browser leg's ICE component in production (only DTLS records are handed
 * in: STUN and SRTP are demultiplexed before), a plain UDP socket pair in tests.
 */
public interface DatagramLink {
    void send(byte[] buffer, int offset, int length) throws IOException;

    /** One datagram into {@code buffer}; its length, or -1 when none came within {@code waitMillis}. */
    int receive(byte[] buffer, int offset, int length, int waitMillis) throws IOException;
}
