package io.callisto.gateway.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    @Test
    void readsTheFixedHeader() {
        ByteBuffer buf = ByteBuffer.wrap(Rtp.packet(true, 8, 65535, 0xFFFFFF00, 0xCAFEBABE, new byte[160]));

        assertThat(RtpPacket.headerLength(buf, 0, buf.capacity())).isEqualTo(12);
        assertThat(RtpPacket.version(buf, 0)).isEqualTo(2);
        assertThat(RtpPacket.payloadType(buf, 0)).isEqualTo(8);
        assertThat(RtpPacket.marker(buf, 0)).isTrue();
        assertThat(RtpPacket.sequence(buf, 0)).isEqualTo(65535);
        assertThat(RtpPacket.timestamp(buf, 0) & 0xFFFFFFFFL).isEqualTo(0xFFFFFF00L);
        assertThat(RtpPacket.ssrc(buf, 0)).isEqualTo(0xCAFEBABE);
        assertThat(RtpPacket.payloadLength(buf, 0, buf.capacity(), 12)).isEqualTo(160);
    }

    @Test
    void readsAtAnOffset() {
        byte[] packet = Rtp.packet(0, 7, 1234, 42, new byte[20]);
        ByteBuffer buf = ByteBuffer.allocate(100);
        buf.put(30, packet);

        assertThat(RtpPacket.headerLength(buf, 30, packet.length)).isEqualTo(12);
        assertThat(RtpPacket.sequence(buf, 30)).isEqualTo(7);
        assertThat(RtpPacket.timestamp(buf, 30)).isEqualTo(1234);
        assertThat(RtpPacket.ssrc(buf, 30)).isEqualTo(42);
    }

    @Test
    void countsCsrcsExtensionAndPadding() {
        ByteBuffer buf = ByteBuffer.allocate(12 + 8 + 4 + 8 + 10 + 4);
        buf.put(0, (byte) (0x80 | 0x20 | 0x10 | 2)); // padding, extension, 2 CSRCs
        buf.putShort(12 + 8 + 2, (short) 2); // extension of 2 words
        buf.put(buf.capacity() - 1, (byte) 4); // 4 bytes of padding
        int header = RtpPacket.headerLength(buf, 0, buf.capacity());

        assertThat(header).isEqualTo(12 + 8 + 4 + 8);
        assertThat(RtpPacket.payloadLength(buf, 0, buf.capacity(), header)).isEqualTo(10);
    }

    @Test
    void malformedPacketsAreReportedNotThrown() {
        assertThat(RtpPacket.headerLength(ByteBuffer.allocate(11), 0, 11)).as("too short").isEqualTo(RtpPacket.MALFORMED);

        ByteBuffer version1 = ByteBuffer.wrap(Rtp.packet(0, 1, 1, 1, new byte[4]));
        version1.put(0, (byte) 0x40);
        assertThat(RtpPacket.headerLength(version1, 0, 16)).as("version 1").isEqualTo(RtpPacket.MALFORMED);

        ByteBuffer csrcs = ByteBuffer.wrap(Rtp.packet(0, 1, 1, 1, new byte[4]));
        csrcs.put(0, (byte) 0x82); // 2 CSRCs = 8 bytes, only 4 present
        assertThat(RtpPacket.headerLength(csrcs, 0, 16)).as("CSRCs past end").isEqualTo(RtpPacket.MALFORMED);

        ByteBuffer extension = ByteBuffer.wrap(Rtp.packet(0, 1, 1, 1, new byte[8]));
        extension.put(0, (byte) 0x90);
        extension.putShort(14, (short) 100);
        assertThat(RtpPacket.headerLength(extension, 0, 20)).as("extension past end").isEqualTo(RtpPacket.MALFORMED);

        ByteBuffer noExtensionHeader = ByteBuffer.wrap(Rtp.packet(0, 1, 1, 1, new byte[2]));
        noExtensionHeader.put(0, (byte) 0x90);
        assertThat(RtpPacket.headerLength(noExtensionHeader, 0, 14)).as("extension header cut").isEqualTo(RtpPacket.MALFORMED);

        ByteBuffer zeroPadding = ByteBuffer.wrap(Rtp.packet(0, 1, 1, 1, new byte[4]));
        zeroPadding.put(0, (byte) 0xA0);
        assertThat(RtpPacket.headerLength(zeroPadding, 0, 16)).as("padding 0").isEqualTo(RtpPacket.MALFORMED);

        ByteBuffer hugePadding = ByteBuffer.wrap(Rtp.packet(0, 1, 1, 1, new byte[4]));
        hugePadding.put(0, (byte) 0xA0);
        hugePadding.put(15, (byte) 200);
        assertThat(RtpPacket.headerLength(hugePadding, 0, 16)).as("padding past header").isEqualTo(RtpPacket.MALFORMED);
    }

    @Test
    void settersRewriteInPlaceAndKeepTheMarker() {
        ByteBuffer buf = ByteBuffer.wrap(Rtp.packet(true, 101, 1, 2, 3, Rtp.dtmf(5, false, 160)));
        RtpPacket.setPayloadType(buf, 0, 96);
        RtpPacket.setSequence(buf, 0, 40000);
        RtpPacket.setTimestamp(buf, 0, -5);
        RtpPacket.setSsrc(buf, 0, 0x01020304);

        assertThat(RtpPacket.payloadType(buf, 0)).isEqualTo(96);
        assertThat(RtpPacket.marker(buf, 0)).isTrue();
        assertThat(RtpPacket.sequence(buf, 0)).isEqualTo(40000);
        assertThat(RtpPacket.timestamp(buf, 0) & 0xFFFFFFFFL).isEqualTo(0xFFFFFFFBL);
        assertThat(RtpPacket.ssrc(buf, 0)).isEqualTo(0x01020304);
        assertThat(buf.get(12)).as("payload untouched").isEqualTo((byte) 5);

        RtpPacket.setMarker(buf, 0, false);
        assertThat(RtpPacket.marker(buf, 0)).isFalse();
        assertThat(RtpPacket.payloadType(buf, 0)).isEqualTo(96);
    }

    @Test
    void detectsRtcpOnAMuxedPort() {
        assertThat(RtpPacket.isRtcp(ByteBuffer.wrap(Rtp.senderReport(1, 2, 3)), 0, 52)).isTrue();
        assertThat(RtpPacket.isRtcp(ByteBuffer.wrap(Rtp.receiverReport(1, 3)), 0, 32)).isTrue();
        assertThat(RtpPacket.isRtcp(ByteBuffer.wrap(Rtp.packet(0, 1, 1, 1, new byte[160])), 0, 172)).isFalse();
        assertThat(RtpPacket.isRtcp(ByteBuffer.wrap(Rtp.packet(true, 8, 1, 1, 1, new byte[160])), 0, 172))
                .as("PCMA with marker is 0x88 = 136, not RTCP").isFalse();
        assertThat(RtpPacket.isRtcp(ByteBuffer.wrap(Rtp.packet(true, 101, 1, 1, 1, new byte[4])), 0, 16))
                .as("telephone-event 101 with marker is 229, not RTCP").isFalse();
        assertThat(RtpPacket.isRtcp(ByteBuffer.allocate(1), 0, 1)).isFalse();
    }

    @Test
    void validatesRtcp() {
        assertThat(RtcpPacket.isValid(ByteBuffer.wrap(Rtp.senderReport(1, 2, 3)), 0, 52)).isTrue();
        assertThat(RtcpPacket.isValid(ByteBuffer.wrap(Rtp.senderReport(1, 2, 3)), 0, 40)).as("length field past end").isFalse();
        assertThat(RtcpPacket.isValid(ByteBuffer.allocate(7), 0, 7)).as("too short").isFalse();
        ByteBuffer version0 = ByteBuffer.wrap(Rtp.receiverReport(1, 2));
        version0.put(0, (byte) 0x01);
        assertThat(RtcpPacket.isValid(version0, 0, 32)).as("version 0").isFalse();
    }
}
