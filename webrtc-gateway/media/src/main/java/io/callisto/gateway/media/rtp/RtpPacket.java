package io.callisto.gateway.media.rtp;

import java.nio.ByteBuffer;

/**
 * Static, allocation-free accessors for an RTP packet (RFC 3550 section 5.1) held in a buffer at an
 * offset. Reads and writes use absolute indices, so the buffer's position and limit are untouched.
 * Validation never throws: {@link #headerLength} answers {@link #MALFORMED} and the caller drops
 * and counts the packet.
 */
public final class RtpPacket {

    /** Fixed header size without CSRCs or extension. */
    public static final int FIXED_HEADER = 12;
    /** Answer of {@link #headerLength} for a packet that is not valid RTP. */
    public static final int MALFORMED = -1;

    private RtpPacket() {
    }

    /**
     * The header length including CSRCs and the header extension, or {@link #MALFORMED} when the
     * packet is too short, not version 2, its header runs past its end, or its padding is impossible.
     */
    public static int headerLength(ByteBuffer buf, int off, int len) {
        if (len < FIXED_HEADER) {
            return MALFORMED;
        }
        int b0 = buf.get(off) & 0xFF;
        if (b0 >>> 6 != 2) {
            return MALFORMED;
        }
        int header = FIXED_HEADER + 4 * (b0 & 0x0F);
        if ((b0 & 0x10) != 0) {
            if (header + 4 > len) {
                return MALFORMED;
            }
            header += 4 + 4 * (buf.getShort(off + header + 2) & 0xFFFF);
        }
        if (header > len) {
            return MALFORMED;
        }
        if ((b0 & 0x20) != 0) {
            int padding = buf.get(off + len - 1) & 0xFF;
            if (padding == 0 || header + padding > len) {
                return MALFORMED;
            }
        }
        return header;
    }

    /** Payload bytes after the header and before any padding; assumes a valid header length. */
    public static int payloadLength(ByteBuffer buf, int off, int len, int headerLength) {
        int padding = (buf.get(off) & 0x20) != 0 ? buf.get(off + len - 1) & 0xFF : 0;
        return len - headerLength - padding;
    }

    /**
     * True when the packet is RTCP on a port that multiplexes RTP and RTCP (RFC 5761 section 4):
     * the second byte, RTCP's packet type, lies in 192..223, a range RTP payload types avoid when muxed.
     */
    public static boolean isRtcp(ByteBuffer buf, int off, int len) {
        if (len < 2) {
            return false;
        }
        int type = buf.get(off + 1) & 0xFF;
        return type >= 192 && type <= 223;
    }

    public static int version(ByteBuffer buf, int off) {
        return (buf.get(off) & 0xFF) >>> 6;
    }

    public static int payloadType(ByteBuffer buf, int off) {
        return buf.get(off + 1) & 0x7F;
    }

    public static boolean marker(ByteBuffer buf, int off) {
        return (buf.get(off + 1) & 0x80) != 0;
    }

    /** Sequence number, 0..65535. */
    public static int sequence(ByteBuffer buf, int off) {
        return buf.getShort(off + 2) & 0xFFFF;
    }

    /** Timestamp as an int whose arithmetic wraps like RTP's 32-bit clock; use {@code & 0xFFFFFFFFL} to print. */
    public static int timestamp(ByteBuffer buf, int off) {
        return buf.getInt(off + 4);
    }

    public static int ssrc(ByteBuffer buf, int off) {
        return buf.getInt(off + 8);
    }

    /** Replaces the payload type, keeping the marker bit. */
    public static void setPayloadType(ByteBuffer buf, int off, int payloadType) {
        buf.put(off + 1, (byte) ((buf.get(off + 1) & 0x80) | (payloadType & 0x7F)));
    }

    public static void setMarker(ByteBuffer buf, int off, boolean marker) {
        int b1 = buf.get(off + 1) & 0x7F;
        buf.put(off + 1, (byte) (marker ? b1 | 0x80 : b1));
    }

    public static void setSequence(ByteBuffer buf, int off, int sequence) {
        buf.putShort(off + 2, (short) sequence);
    }

    public static void setTimestamp(ByteBuffer buf, int off, int timestamp) {
        buf.putInt(off + 4, timestamp);
    }

    public static void setSsrc(ByteBuffer buf, int off, int ssrc) {
        buf.putInt(off + 8, ssrc);
    }

    /** Writes a 12-byte header (version 2, no padding, extension or CSRC) and answers its length. */
    public static int writeHeader(ByteBuffer buf, int off, boolean marker, int payloadType, int sequence,
                                  int timestamp, int ssrc) {
        buf.put(off, (byte) 0x80);
        buf.put(off + 1, (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F)));
        setSequence(buf, off, sequence);
        setTimestamp(buf, off, timestamp);
        setSsrc(buf, off, ssrc);
        return FIXED_HEADER;
    }
}
