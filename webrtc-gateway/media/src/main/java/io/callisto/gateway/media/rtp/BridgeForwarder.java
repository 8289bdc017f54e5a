package io.callisto.gateway.media.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The packet path of one bridge: validate, latch, count, tap, map, rewrite, send. Runs only on the
 * bridge's loop thread, works in place in the loop's buffer and allocates nothing.
 */
final class BridgeForwarder {

    private final RtpBridge bridge;
    private final RelayLeg[] legs;
    /** Indexed by the side the media goes to. */
    private final StreamRewriter[] toward;
    /** Indexed by the side media goes to; loop-confined. */
    private final Playback[] playing = new Playback[2];

    BridgeForwarder(RtpBridge bridge, RelayLeg a, RelayLeg b) {
        this.bridge = bridge;
        this.legs = new RelayLeg[] {a, b};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int ssrcA = random.nextInt();
        int ssrcB;
        do {
            ssrcB = random.nextInt();
        } while (ssrcB == ssrcA);
        this.toward = new StreamRewriter[] {new StreamRewriter(ssrcA), new StreamRewriter(ssrcB)};
    }

    StreamRewriter toward(Side side) {
        return toward[side.ordinal()];
    }

    void onRtp(RelayLeg from, ByteBuffer buf, int len, InetSocketAddress source, long now) {
        int header = RtpPacket.headerLength(buf, 0, len);
        if (header < 0) {
            from.stats().increment(LegCounter.DROPPED_MALFORMED);
            return;
        }
        if (!from.rtpLatch().accept(source)) {
            from.stats().increment(LegCounter.DROPPED_FOREIGN_SOURCE);
            return;
        }
        LegStats fromStats = from.stats();
        fromStats.increment(LegCounter.RTP_RECEIVED);
        fromStats.add(LegCounter.RTP_RECEIVED_BYTES, len);
        from.touch(now);
        int payloadType = RtpPacket.payloadType(buf, 0);
        int entry = bridge.payloadMap(from.side()).entry(payloadType);
        boolean event = entry >= 0 && (entry & PayloadMap.TELEPHONE_EVENT) != 0;
        if (event) {
            from.countTelephoneEvent(RtpPacket.timestamp(buf, 0));
        }
        if (entry < 0) {
            fromStats.increment(LegCounter.DROPPED_PAYLOAD_TYPE);
            return;
        }
        RelayLeg to = legs[from.side().other().ordinal()];
        StreamRewriter rewriter = toward[to.side().ordinal()];
        if (!from.direction().receives() || from.isMuted()) {
            dropForDirection(fromStats, rewriter);
            return;
        }
        MediaTap tap = bridge.tap();
        if (tap != null && !event) {
            try {
                tap.onAudio(from.side(), payloadType, RtpPacket.ssrc(buf, 0), RtpPacket.timestamp(buf, 0), now,
                        buf, header, RtpPacket.payloadLength(buf, 0, len, header));
            } catch (RuntimeException e) {
                bridge.tapFailed(tap, e); // a broken recorder must not cost the call its audio
            }
        }
        if (!to.direction().sends() || isPlaying(to.side())) {
            dropForDirection(fromStats, rewriter);
            return;
        }
        InetSocketAddress destination = to.rtpLatch().destination();
        if (destination == null) {
            to.stats().increment(LegCounter.DROPPED_SEND);
            return;
        }
        rewriter.rewrite(buf, 0, entry & PayloadMap.TYPE_MASK, now);
        sendRtp(to, buf, len, destination);
    }

    void onRtcp(RelayLeg from, ByteBuffer buf, int len, InetSocketAddress source, long now, boolean muxed) {
        if (!RtcpPacket.isValid(buf, 0, len)) {
            from.stats().increment(LegCounter.DROPPED_MALFORMED);
            return;
        }
        if (!(muxed ? from.rtpLatch() : from.rtcpLatch()).accept(source)) {
            from.stats().increment(LegCounter.DROPPED_FOREIGN_SOURCE);
            return;
        }
        from.stats().increment(LegCounter.RTCP_RECEIVED);
        from.touch(now);
        RelayLeg to = legs[from.side().other().ordinal()];
        boolean toMuxed = to.rtcpMux();
        InetSocketAddress destination = toMuxed ? to.rtpLatch().destination() : to.rtcpLatch().destination();
        if (destination == null) {
            to.stats().increment(LegCounter.DROPPED_SEND);
            return;
        }
        RtcpRewriter.rewrite(buf, 0, len, toward[to.side().ordinal()], toward[from.side().ordinal()]);
        PacketTransport transport = to.currentTransport();
        boolean sent;
        if (transport != null) {
            sent = transport.sendRtcp(buf, len);
        } else {
            sent = send(toMuxed ? to.ports().rtp() : to.ports().rtcp(), buf, len, destination);
        }
        if (sent) {
            to.stats().increment(LegCounter.RTCP_SENT);
        } else {
            to.stats().increment(LegCounter.DROPPED_SEND);
        }
    }

    /**
     * Sends the playback's next frame; answers false when its source is finished. A leg that does
     * not send (held) skips the frame but the prompt's clock runs on.
     */
    boolean playFrame(Playback playback, ByteBuffer buf, long now) {
        RelayLeg to = legs[playback.side().ordinal()];
        buf.clear(); // the last send left a short limit; absolute writes check against it
        int length = playback.source().nextFrame(buf, RtpPacket.FIXED_HEADER);
        if (length < 0) {
            return false;
        }
        int payloadType = playback.source().payloadType();
        RtpPacket.writeHeader(buf, 0, playback.takeFirst(), payloadType, playback.takeSequence(),
                playback.takeTimestamp(length), playback.ssrc());
        StreamRewriter rewriter = toward[to.side().ordinal()];
        if (!to.direction().sends()) {
            rewriter.markDiscontinuity();
            return true;
        }
        InetSocketAddress destination = to.rtpLatch().destination();
        if (destination == null) {
            to.stats().increment(LegCounter.DROPPED_SEND);
            return true;
        }
        rewriter.rewrite(buf, 0, payloadType, now);
        if (sendRtp(to, buf, RtpPacket.FIXED_HEADER + length, destination)) {
            playback.countSent();
        }
        return true;
    }

    /** Makes {@code playback} the one playing to its side; answers the one it replaces, if any. */
    Playback startPlaying(Playback playback) {
        int side = playback.side().ordinal();
        Playback previous = playing[side];
        playing[side] = playback;
        return previous;
    }

    void stopPlaying(Side side) {
        Playback current = playing[side.ordinal()];
        if (current != null) {
            current.stop();
            playing[side.ordinal()] = null;
        }
    }

    private boolean isPlaying(Side side) {
        Playback current = playing[side.ordinal()];
        return current != null && current.isActive();
    }

    private static void dropForDirection(LegStats fromStats, StreamRewriter rewriter) {
        fromStats.increment(LegCounter.DROPPED_DIRECTION);
        rewriter.markDiscontinuity();
    }

    private static boolean sendRtp(RelayLeg to, ByteBuffer buf, int len, InetSocketAddress destination) {
        PacketTransport transport = to.currentTransport();
        if (transport != null ? transport.sendRtp(buf, len) : send(to.ports().rtp(), buf, len, destination)) {
            to.stats().increment(LegCounter.RTP_SENT);
            to.stats().add(LegCounter.RTP_SENT_BYTES, len);
            return true;
        }
        to.stats().increment(LegCounter.DROPPED_SEND);
        return false;
    }

    private static boolean send(DatagramChannel channel, ByteBuffer buf, int len, InetSocketAddress destination) {
        buf.limit(len).position(0);
        try {
            // 0 means the socket's send buffer is full: drop rather than queue, this is real-time media
            return channel.send(buf, destination) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
