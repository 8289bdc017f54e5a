package io.callisto.gateway.media.rtp;

import java.nio.ByteBuffer;

/**
 * Where a leg's outgoing packets go instead of its UDP ports: a browser's ICE pair, protected with SRTP. Called only
 * on the bridge's loop thread, with a plain RTP or RTCP packet at {@code buf[0, len)}; the buffer is the loop's and
 * must not be kept.
 */
public interface PacketTransport {
    /** Sends (protecting) an RTP packet; false when it could not be sent. */
    boolean sendRtp(ByteBuffer buf, int len);

    /** Sends (protecting) an RTCP packet, compound or not; false when it could not be sent. */
    boolean sendRtcp(ByteBuffer buf, int len);
}
