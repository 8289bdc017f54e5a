package io.callisto.gateway.media.rtp;

import java.nio.ByteBuffer;

/**
 * Gives the receiver of one direction a single continuous RTP stream, whatever feeds it: the peer's
 * stream, a new phone after a transfer or re-INVITE, a prompt, or the same stream after a hold.
 * <ul>
 *   <li>The outgoing SSRC is ours and never changes.</li>
 *   <li>The first input stream keeps its own sequence numbers and timestamps (offsets 0).</li>
 *   <li>On a switch (new input SSRC, a {@link #markDiscontinuity() discontinuity} such as unhold, or
 *       a sequence jump beyond RFC 3550's dropout/misorder limits) new offsets are chosen so that
 *       sequence = last + 1 and timestamp = last + wall time elapsed since the last timestamp
 *       advance (at least one 20 ms frame), and the marker bit is set on that packet.</li>
 *   <li>Between switches every packet, audio or RFC 4733, gets the same offsets: a telephone-event's
 *       timestamp stays constant across its packets, as the RFC requires.</li>
 * </ul>
 * The clock is 8 kHz (G.711 and telephone-event/8000). Arithmetic wraps like the 16/32-bit fields.
 * Not thread-safe: used only by the loop thread that owns the bridge.
 */
public final class StreamRewriter {

    /** RTP clock rate of G.711 and telephone-event/8000. */
    public static final int CLOCK_RATE = 8000;
    /** RFC 3550 A.1: a forward sequence jump larger than this is a new stream. */
    static final int MAX_DROPOUT = 3000;
    /** RFC 3550 A.1: a backward sequence jump larger than this is a new stream. */
    static final int MAX_MISORDER = 100;
    /** Least timestamp advance on a switch: one 20 ms frame at 8 kHz. */
    static final int MIN_ADVANCE = 160;
    private static final long MAX_ADVANCE = 1L << 30;

    private volatile int outSsrc;
    private boolean started;
    private boolean discontinuity;
    private int inSsrc;
    private int seqOffset;
    private int tsOffset;
    private int lastInSeq;
    private int lastOutSeq;
    private int lastOutTs;
    private long lastTsAdvanceNanos;
    private long switches;

    public StreamRewriter(int outSsrc) {
        this.outSsrc = outSsrc;
    }

    /**
     * Rewrites SSRC, sequence, timestamp and payload type of the valid RTP packet at {@code off} in place.
     *
     * @param nowNanos {@link System#nanoTime()} at arrival
     */
    public void rewrite(ByteBuffer buf, int off, int outPayloadType, long nowNanos) {
        int ssrc = RtpPacket.ssrc(buf, off);
        int seq = RtpPacket.sequence(buf, off);
        int ts = RtpPacket.timestamp(buf, off);
        boolean switched = false;
        if (!started) {
            started = true;
            discontinuity = false;
            inSsrc = ssrc;
            lastInSeq = seq;
            lastOutSeq = (seq - 1) & 0xFFFF;
            lastOutTs = ts - 1;
        } else {
            int delta = (short) (seq - lastInSeq);
            if (ssrc != inSsrc || discontinuity || delta > MAX_DROPOUT || delta < -MAX_MISORDER) {
                restart(ssrc, seq, ts, nowNanos);
                switched = true;
            } else if (delta > 0) {
                lastInSeq = seq;
            }
        }
        int outSeq = (seq + seqOffset) & 0xFFFF;
        int outTs = ts + tsOffset;
        RtpPacket.setSequence(buf, off, outSeq);
        RtpPacket.setTimestamp(buf, off, outTs);
        RtpPacket.setSsrc(buf, off, outSsrc);
        RtpPacket.setPayloadType(buf, off, outPayloadType);
        if (switched) {
            RtpPacket.setMarker(buf, off, true);
        }
        int seqAhead = (outSeq - lastOutSeq) & 0xFFFF;
        if (seqAhead != 0 && seqAhead < 0x8000) {
            lastOutSeq = outSeq;
        }
        if (outTs - lastOutTs > 0) {
            lastOutTs = outTs;
            lastTsAdvanceNanos = nowNanos;
        }
    }

    /** The next packet starts a new segment (used when forwarding was interrupted, e.g. by hold). */
    public void markDiscontinuity() {
        discontinuity = true;
    }

    private void restart(int ssrc, int seq, int ts, long nowNanos) {
        long elapsed = (nowNanos - lastTsAdvanceNanos) * CLOCK_RATE / 1_000_000_000L;
        long advance = Math.min(Math.max(elapsed, MIN_ADVANCE), MAX_ADVANCE);
        seqOffset = lastOutSeq + 1 - seq;
        tsOffset = lastOutTs + (int) advance - ts;
        inSsrc = ssrc;
        lastInSeq = seq;
        discontinuity = false;
        switches++;
    }

    /**
     * Where the output of one direction stands: enough for another bridge's rewriter to go on with the same stream
     * when the receiver moves there ({@code started} false: nothing was sent yet, only the SSRC is kept).
     */
    public record Continuation(int ssrc, boolean started, int lastSequence, int lastTimestamp, long lastAdvanceNanos) {
    }

    /** This direction's output so far. */
    public Continuation continuation() {
        return new Continuation(outSsrc, started, lastOutSeq, lastOutTs, lastTsAdvanceNanos);
    }

    /**
     * From now on this direction continues {@code previous}: the same SSRC, and the next packet (whatever its source)
     * starts a segment right after the last one sent there, as after any switch. For a receiver moved between bridges
     * (an attended transfer's consultation), which then hears one stream throughout.
     */
    public void continueFrom(Continuation previous) {
        outSsrc = previous.ssrc();
        started = previous.started();
        if (started) {
            lastOutSeq = previous.lastSequence();
            lastOutTs = previous.lastTimestamp();
            lastTsAdvanceNanos = previous.lastAdvanceNanos();
            discontinuity = true;
        }
    }

    /** Our SSRC, what the receiver of this direction sees. */
    public int outputSsrc() {
        return outSsrc;
    }

    /** SSRC of the stream currently fed in (meaningful once {@link #hasOutput()}). */
    public int inputSsrc() {
        return inSsrc;
    }

    public boolean hasOutput() {
        return started;
    }

    /** Added to incoming timestamps of the current input stream. */
    public int timestampOffset() {
        return tsOffset;
    }

    /** Added to incoming sequence numbers of the current input stream (mod 2^16). */
    public int sequenceOffset() {
        return seqOffset & 0xFFFF;
    }

    /** How many times the input switched (SSRC change, discontinuity or jump). */
    public long switches() {
        return switches;
    }
}
