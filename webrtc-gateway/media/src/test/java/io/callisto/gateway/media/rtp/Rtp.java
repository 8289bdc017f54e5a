package io.callisto.gateway.media.rtp;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Builds test RTP and RTCP packets. */
public final class Rtp {

    private Rtp() {
    }

    public static byte[] packet(int payloadType, int sequence, int timestamp, int ssrc, byte[] payload) {
        return packet(false, payloadType, sequence, timestamp, ssrc, payload);
    }

    public static byte[] packet(boolean marker, int payloadType, int sequence, int timestamp, int ssrc, byte[] payload) {
        ByteBuffer buf = ByteBuffer.allocate(RtpPacket.FIXED_HEADER + payload.length);
        RtpPacket.writeHeader(buf, 0, marker, payloadType, sequence, timestamp, ssrc);
        buf.put(RtpPacket.FIXED_HEADER, payload);
        return buf.array();
    }

    /** A 160-byte PCMU payload filled with {@code value}. */
    public static byte[] audio(int value) {
        byte[] payload = new byte[160];
        Arrays.fill(payload, (byte) value);
        return payload;
    }

    /** RFC 4733 payload: event, end bit, volume 10, duration. */
    public static byte[] dtmf(int event, boolean end, int duration) {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
    }

    /** An RTCP SR with one report block about {@code reportedSsrc}. */
    public static byte[] senderReport(int senderSsrc, int rtpTimestamp, int reportedSsrc) {
        ByteBuffer buf = ByteBuffer.allocate(52);
        buf.put((byte) 0x81).put((byte) 200).putShort((short) (52 / 4 - 1)).putInt(senderSsrc);
        buf.putLong(0x1122334455667788L).putInt(rtpTimestamp).putInt(10).putInt(1600);
        buf.putInt(reportedSsrc).putInt(0).putInt(500).putInt(0).putInt(0).putInt(0);
        return buf.array();
    }

    /** An RTCP RR with one report block about {@code reportedSsrc}. */
    public static byte[] receiverReport(int senderSsrc, int reportedSsrc) {
        ByteBuffer buf = ByteBuffer.allocate(32);
        buf.put((byte) 0x81).put((byte) 201).putShort((short) (32 / 4 - 1)).putInt(senderSsrc);
        buf.putInt(reportedSsrc).putInt(0).putInt(500).putInt(0).putInt(0).putInt(0);
        return buf.array();
    }
}
