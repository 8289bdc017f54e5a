package io.callisto.gateway.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class StreamRewriterTest {

    private static final int OUR_SSRC = 0x0BADCAFE;
    private static final long MS = 1_000_000L;

    private final StreamRewriter rewriter = new StreamRewriter(OUR_SSRC);

    /** Rewrites a packet and answers it. */
    private ByteBuffer send(int pt, int seq, int ts, int ssrc, long nowNanos) {
        return send(pt, pt, seq, ts, ssrc, nowNanos);
    }

    private ByteBuffer send(int pt, int outPt, int seq, int ts, int ssrc, long nowNanos) {
        ByteBuffer buf = ByteBuffer.wrap(Rtp.packet(pt, seq, ts, ssrc, new byte[160]));
        rewriter.rewrite(buf, 0, outPt, nowNanos);
        return buf;
    }

    private static int seq(ByteBuffer buf) {
        return RtpPacket.sequence(buf, 0);
    }

    private static long ts(ByteBuffer buf) {
        return RtpPacket.timestamp(buf, 0) & 0xFFFFFFFFL;
    }

    @Test
    void firstStreamKeepsItsNumbersButTakesOurSsrc() {
        ByteBuffer first = send(0, 1000, 160_000, 0x11111111, 0);
        ByteBuffer second = send(0, 1001, 160_160, 0x11111111, 20 * MS);

        assertThat(RtpPacket.ssrc(first, 0)).isEqualTo(OUR_SSRC);
        assertThat(seq(first)).isEqualTo(1000);
        assertThat(ts(first)).isEqualTo(160_000);
        assertThat(RtpPacket.marker(first, 0)).isFalse();
        assertThat(seq(second)).isEqualTo(1001);
        assertThat(ts(second)).isEqualTo(160_160);
        assertThat(rewriter.switches()).isZero();
    }

    @Test
    void ssrcSwitchContinuesSequenceAndTimestampWithMarker() {
        for (int i = 0; i < 50; i++) {
            send(0, 1000 + i, 8000 + 160 * i, 0x11111111, i * 20 * MS);
        }
        // last out: seq 1049, ts 15840 at t = 980 ms; the new phone starts 500 ms later with its own numbers
        ByteBuffer switched = send(0, 7, 999_999, 0x22222222, 1480 * MS);
        ByteBuffer next = send(0, 8, 999_999 + 160, 0x22222222, 1500 * MS);

        assertThat(RtpPacket.ssrc(switched, 0)).isEqualTo(OUR_SSRC);
        assertThat(seq(switched)).isEqualTo(1050);
        assertThat(ts(switched)).isEqualTo(15840 + 500 * 8);
        assertThat(RtpPacket.marker(switched, 0)).isTrue();
        assertThat(seq(next)).isEqualTo(1051);
        assertThat(ts(next)).isEqualTo(15840 + 500 * 8 + 160);
        assertThat(RtpPacket.marker(next, 0)).isFalse();
        assertThat(rewriter.switches()).isEqualTo(1);
        assertThat(rewriter.inputSsrc()).isEqualTo(0x22222222);
    }

    @Test
    void switchAdvancesAtLeastOneFrameEvenWithoutElapsedTime() {
        send(0, 10, 1000, 1, 0);
        ByteBuffer switched = send(0, 500, 77, 2, 0);

        assertThat(seq(switched)).isEqualTo(11);
        assertThat(ts(switched)).isEqualTo(1000 + StreamRewriter.MIN_ADVANCE);
    }

    @Test
    void sequenceWrapsAt65535() {
        ByteBuffer a = send(0, 65534, 0, 1, 0);
        ByteBuffer b = send(0, 65535, 160, 1, 20 * MS);
        ByteBuffer c = send(0, 0, 320, 1, 40 * MS);
        ByteBuffer d = send(0, 1, 480, 1, 60 * MS);

        assertThat(new int[] {seq(a), seq(b), seq(c), seq(d)}).containsExactly(65534, 65535, 0, 1);
        assertThat(rewriter.switches()).as("a wrap is not a new stream").isZero();
    }

    @Test
    void switchRightAtTheSequenceWrapContinuesFromZero() {
        send(0, 65535, 100, 1, 0);
        ByteBuffer switched = send(0, 30000, 5, 2, 20 * MS);

        assertThat(seq(switched)).isZero();
        assertThat(ts(switched)).isEqualTo(100 + 160);
    }

    @Test
    void timestampWrapsAt2Pow32() {
        ByteBuffer a = send(0, 1, 0xFFFFFF60, 1, 0);
        ByteBuffer b = send(0, 2, 0, 1, 20 * MS);
        ByteBuffer switched = send(0, 9, 123, 2, 40 * MS);

        assertThat(ts(a)).isEqualTo(0xFFFFFF60L);
        assertThat(ts(b)).isZero();
        assertThat(ts(switched)).as("continues across the wrap").isEqualTo(160);
    }

    @Test
    void switchAcrossTimestampWrapOfTheOutput() {
        send(0, 1, 0xFFFFFF00, 1, 0);
        ByteBuffer switched = send(0, 1, 5000, 2, 40 * MS);

        assertThat(ts(switched)).isEqualTo((0xFFFFFF00L + 320) & 0xFFFFFFFFL);
    }

    @Test
    void telephoneEventKeepsOneTimestampPerEventAndIsRemapped() {
        send(0, 100, 16000, 1, 0);
        send(0, 101, 16160, 1, 20 * MS);
        ByteBuffer e1 = send(101, 96, 102, 16320, 1, 40 * MS);
        ByteBuffer e2 = send(101, 96, 103, 16320, 1, 60 * MS);
        ByteBuffer e3 = send(101, 96, 104, 16320, 1, 80 * MS);

        assertThat(new long[] {ts(e1), ts(e2), ts(e3)}).containsOnly(16320L);
        assertThat(new int[] {seq(e1), seq(e2), seq(e3)}).containsExactly(102, 103, 104);
        assertThat(RtpPacket.payloadType(e1, 0)).isEqualTo(96);
    }

    @Test
    void telephoneEventAfterASwitchUsesTheSameOffsetAsTheAudio() {
        send(0, 1, 1000, 1, 0);
        ByteBuffer audio = send(0, 50, 70_000, 2, 20 * MS);
        ByteBuffer event1 = send(101, 96, 51, 70_160, 2, 40 * MS);
        ByteBuffer event2 = send(101, 96, 52, 70_160, 2, 60 * MS);

        assertThat(ts(event1) - ts(audio)).isEqualTo(160);
        assertThat(ts(event2)).isEqualTo(ts(event1));
        assertThat(seq(event2)).isEqualTo(seq(audio) + 2);
    }

    @Test
    void discontinuityAfterHoldClosesTheSequenceGap() {
        send(0, 10, 1600, 1, 0);
        // packets 11..260 were held back (5 s), then resumed with the same SSRC
        rewriter.markDiscontinuity();
        ByteBuffer resumed = send(0, 261, 1600 + 251 * 160, 1, 5020 * MS);

        assertThat(seq(resumed)).isEqualTo(11);
        assertThat(ts(resumed)).isEqualTo(1600 + 5020 * 8);
        assertThat(RtpPacket.marker(resumed, 0)).isTrue();
    }

    @Test
    void reorderingIsNotASwitchButAHugeJumpIs() {
        send(0, 100, 0, 1, 0);
        send(0, 102, 320, 1, 40 * MS);
        ByteBuffer late = send(0, 101, 160, 1, 41 * MS);
        assertThat(seq(late)).isEqualTo(101);
        assertThat(rewriter.switches()).isZero();

        ByteBuffer jumped = send(0, 100 + 20_000, 999, 1, 60 * MS);
        assertThat(seq(jumped)).isEqualTo(103);
        assertThat(rewriter.switches()).isEqualTo(1);
    }

    @Test
    void discontinuityBeforeTheFirstPacketIsIgnored() {
        rewriter.markDiscontinuity();
        send(0, 5, 50, 1, 0);
        ByteBuffer second = send(0, 6, 210, 1, 20 * MS);

        assertThat(seq(second)).isEqualTo(6);
        assertThat(rewriter.switches()).isZero();
    }

    @Test
    void aReceiverMovedToAnotherRewriterHearsTheSameStreamGoOn() {
        for (int i = 0; i < 50; i++) {
            send(0, 1000 + i, 8000 + 160 * i, 0x11111111, i * 20 * MS);
        }
        StreamRewriter elsewhere = new StreamRewriter(0x7777);
        elsewhere.continueFrom(rewriter.continuation());
        // another bridge's source, 300 ms after the last packet heard here
        ByteBuffer moved = ByteBuffer.wrap(Rtp.packet(8, 40, 123_456, 0x33333333, new byte[160]));
        elsewhere.rewrite(moved, 0, 0, 1280 * MS);

        assertThat(RtpPacket.ssrc(moved, 0)).isEqualTo(OUR_SSRC);
        assertThat(elsewhere.outputSsrc()).isEqualTo(OUR_SSRC);
        assertThat(seq(moved)).isEqualTo(1050);
        assertThat(ts(moved)).isEqualTo(15840 + 300 * 8);
        assertThat(RtpPacket.marker(moved, 0)).isTrue();
        assertThat(RtpPacket.payloadType(moved, 0)).isZero();
    }

    @Test
    void aReceiverMovedBeforeHearingAnythingKeepsOnlyTheSsrc() {
        StreamRewriter elsewhere = new StreamRewriter(0x7777);
        elsewhere.continueFrom(rewriter.continuation());
        ByteBuffer first = ByteBuffer.wrap(Rtp.packet(0, 40, 4000, 0x33333333, new byte[160]));
        elsewhere.rewrite(first, 0, 0, 0);

        assertThat(RtpPacket.ssrc(first, 0)).isEqualTo(OUR_SSRC);
        assertThat(seq(first)).isEqualTo(40);
        assertThat(elsewhere.switches()).isZero();
    }
}
