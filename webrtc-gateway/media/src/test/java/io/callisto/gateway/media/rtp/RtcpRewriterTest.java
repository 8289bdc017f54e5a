package io.callisto.gateway.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RtcpRewriterTest {

    private static final int CALLER_SSRC = 0x0000AAAA;
    private static final int AGENT_SSRC = 0x0000BBBB;
    private static final int TO_AGENT_SSRC = 0x00001111;
    private static final int TO_CALLER_SSRC = 0x00002222;

    private final StreamRewriter towardAgent = new StreamRewriter(TO_AGENT_SSRC);
    private final StreamRewriter towardCaller = new StreamRewriter(TO_CALLER_SSRC);

    RtcpRewriterTest() {
        // caller's stream switched once (offset != 0); agent's stream flows as is
        towardAgent.rewrite(ByteBuffer.wrap(Rtp.packet(0, 1, 1000, 0x0000FFFF, new byte[160])), 0, 0, 0);
        towardAgent.rewrite(ByteBuffer.wrap(Rtp.packet(0, 500, 50_000, CALLER_SSRC, new byte[160])), 0, 0, 20_000_000L);
        towardCaller.rewrite(ByteBuffer.wrap(Rtp.packet(0, 9, 90, AGENT_SSRC, new byte[160])), 0, 0, 0);
    }

    @Test
    void senderReportGetsOurSsrcShiftedTimestampAndMappedReportBlock() {
        ByteBuffer sr = ByteBuffer.wrap(Rtp.senderReport(CALLER_SSRC, 50_000, TO_CALLER_SSRC));

        RtcpRewriter.rewrite(sr, 0, sr.capacity(), towardAgent, towardCaller);

        assertThat(sr.getInt(4)).as("sender SSRC").isEqualTo(TO_AGENT_SSRC);
        assertThat(sr.getInt(16)).as("RTP timestamp in the agent's view").isEqualTo(50_000 + towardAgent.timestampOffset());
        assertThat(towardAgent.timestampOffset()).isNotZero();
        assertThat(sr.getInt(28)).as("report about our stream maps to the agent's real SSRC").isEqualTo(AGENT_SSRC);
        assertThat(sr.getLong(8)).as("NTP untouched").isEqualTo(0x1122334455667788L);
    }

    @Test
    void receiverReportInACompoundPacketIsRewrittenToo() {
        byte[] rr = Rtp.receiverReport(CALLER_SSRC, TO_CALLER_SSRC);
        byte[] sdes = {(byte) 0x81, (byte) 202, 0, 2, 0, 0, (byte) 0xAA, (byte) 0xAA, 1, 1, 'x', 0};
        ByteBuffer compound = ByteBuffer.allocate(rr.length + sdes.length).put(rr).put(sdes);

        RtcpRewriter.rewrite(compound, 0, compound.capacity(), towardAgent, towardCaller);

        assertThat(compound.getInt(4)).isEqualTo(TO_AGENT_SSRC);
        assertThat(compound.getInt(8)).isEqualTo(AGENT_SSRC);
        assertThat(compound.getInt(rr.length + 4)).as("SDES chunk SSRC").isEqualTo(TO_AGENT_SSRC);
    }

    @Test
    void reportAboutAnUnknownSsrcAndByeAreLeftAlone() {
        ByteBuffer rr = ByteBuffer.wrap(Rtp.receiverReport(CALLER_SSRC, 0x12345678));
        RtcpRewriter.rewrite(rr, 0, rr.capacity(), towardAgent, towardCaller);
        assertThat(rr.getInt(8)).isEqualTo(0x12345678);

        ByteBuffer bye = ByteBuffer.wrap(new byte[] {(byte) 0x81, (byte) 203, 0, 1, 0, 0, (byte) 0xAA, (byte) 0xAA});
        RtcpRewriter.rewrite(bye, 0, bye.capacity(), towardAgent, towardCaller);
        assertThat(bye.getInt(4)).isEqualTo(CALLER_SSRC);
    }

    @Test
    void truncatedSubPacketStopsTheWalkWithoutThrowing() {
        ByteBuffer sr = ByteBuffer.wrap(Rtp.senderReport(CALLER_SSRC, 1, TO_CALLER_SSRC));

        RtcpRewriter.rewrite(sr, 0, 30, towardAgent, towardCaller);

        assertThat(sr.getInt(4)).as("not rewritten: its length runs past the datagram").isEqualTo(CALLER_SSRC);
    }
}
