package io.callisto.gateway.media.rtp;

import java.nio.ByteBuffer;

/**
 * Validation of (compound) RTCP packets, RFC 3550 section 6. Allocation-free, never throws.
 */
public final class RtcpPacket {

    /** Sender report. */
    public static final int SR = 200;
    /** Receiver report. */
    public static final int RR = 201;
    /** Source description. */
    public static final int SDES = 202;
    /** Goodbye. */
    public static final int BYE = 203;
    /** Application-defined. */
    public static final int APP = 204;
    /** Transport-layer feedback (RFC 4585). */
    public static final int RTPFB = 205;
    /** Payload-specific feedback (RFC 4585). */
    public static final int PSFB = 206;
    /** Extended reports (RFC 3611). */
    public static final int XR = 207;

    /** Smallest RTCP packet: 4-byte header plus the sender's SSRC. */
    public static final int MIN_LENGTH = 8;

    private RtcpPacket() {
    }

    /**
     * True when the compound packet's first sub-packet is well formed: long enough, version 2, and its
     * length field inside the datagram. Later sub-packets are checked while walking them.
     */
    public static boolean isValid(ByteBuffer buf, int off, int len) {
        if (len < MIN_LENGTH || (buf.get(off) & 0xFF) >>> 6 != 2) {
            return false;
        }
        return subPacketLength(buf, off) <= len;
    }

    /** Length in bytes of the sub-packet at {@code off}, from its length field (32-bit words minus one). */
    static int subPacketLength(ByteBuffer buf, int off) {
        return ((buf.getShort(off + 2) & 0xFFFF) + 1) * 4;
    }

    static int packetType(ByteBuffer buf, int off) {
        return buf.get(off + 1) & 0xFF;
    }

    /** Report count (RC) or source count (SC) of the sub-packet at {@code off}. */
    static int count(ByteBuffer buf, int off) {
        return buf.get(off) & 0x1F;
    }
}
