package io.callisto.gateway.media.rtp;

import java.nio.ByteBuffer;

/**
 * Rewrites a compound RTCP packet relayed from one leg to the other so it matches the rewritten RTP
 * the far side sees. {@code forward} is the rewriter of the RTP travelling the same way as this RTCP;
 * {@code reverse} is the rewriter of the opposite direction.
 * <ul>
 *   <li>Sender SSRC of SR, RR, SDES (first chunk), APP, RTPFB, PSFB and XR becomes forward's outgoing SSRC.</li>
 *   <li>SR's RTP timestamp gets forward's timestamp offset, so the far side's NTP/RTP mapping holds.</li>
 *   <li>Report blocks and feedback about the SSRC we send (reverse's outgoing SSRC) are mapped back to
 *       the SSRC the sender's peer really uses (reverse's incoming SSRC).</li>
 * </ul>
 * Left alone on purpose: SR packet/octet counts and report blocks' highest sequence, jitter and
 * loss (they describe the original streams; rewriting them exactly would need per-SSRC history),
 * and BYE (its SSRC is the sender's original one, unknown to the far side, so it cannot end our
 * continuous outgoing stream).
 */
final class RtcpRewriter {

    private static final int REPORT_BLOCK = 24;

    private RtcpRewriter() {
    }

    static void rewrite(ByteBuffer buf, int off, int len, StreamRewriter forward, StreamRewriter reverse) {
        int end = off + len;
        int at = off;
        while (at + RtcpPacket.MIN_LENGTH <= end && (buf.get(at) & 0xFF) >>> 6 == 2) {
            int subLength = RtcpPacket.subPacketLength(buf, at);
            if (at + subLength > end) {
                return;
            }
            rewriteSubPacket(buf, at, subLength, forward, reverse);
            at += subLength;
        }
    }

    private static void rewriteSubPacket(ByteBuffer buf, int at, int subLength, StreamRewriter forward,
                                         StreamRewriter reverse) {
        int type = RtcpPacket.packetType(buf, at);
        switch (type) {
            case RtcpPacket.SR -> {
                if (subLength >= 28) {
                    boolean known = forward.hasOutput() && buf.getInt(at + 4) == forward.inputSsrc();
                    buf.putInt(at + 4, forward.outputSsrc());
                    if (known) {
                        buf.putInt(at + 16, buf.getInt(at + 16) + forward.timestampOffset());
                    }
                    mapReportBlocks(buf, at + 28, at + subLength, RtcpPacket.count(buf, at), reverse);
                }
            }
            case RtcpPacket.RR -> {
                buf.putInt(at + 4, forward.outputSsrc());
                mapReportBlocks(buf, at + 8, at + subLength, RtcpPacket.count(buf, at), reverse);
            }
            case RtcpPacket.SDES, RtcpPacket.APP, RtcpPacket.XR -> {
                if (type != RtcpPacket.SDES || RtcpPacket.count(buf, at) > 0) {
                    buf.putInt(at + 4, forward.outputSsrc());
                }
            }
            case RtcpPacket.RTPFB, RtcpPacket.PSFB -> {
                buf.putInt(at + 4, forward.outputSsrc());
                if (subLength >= 12) {
                    mapMediaSsrc(buf, at + 8, reverse);
                }
            }
            default -> {
                // BYE and unknown types pass unchanged (see class comment)
            }
        }
    }

    private static void mapReportBlocks(ByteBuffer buf, int from, int end, int count, StreamRewriter reverse) {
        int at = from;
        for (int i = 0; i < count && at + REPORT_BLOCK <= end; i++, at += REPORT_BLOCK) {
            mapMediaSsrc(buf, at, reverse);
        }
    }

    private static void mapMediaSsrc(ByteBuffer buf, int at, StreamRewriter reverse) {
        if (reverse.hasOutput() && buf.getInt(at) == reverse.outputSsrc()) {
            buf.putInt(at, reverse.inputSsrc());
        }
    }
}
