package io.callisto.gateway.media.rtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@link FrameSource} being played to one leg at 20 ms pacing by the bridge's loop (the loops are
 * the shared schedulers: no thread per call). The frames get their own SSRC, sequence and timestamp,
 * then pass through the same {@link StreamRewriter} as relayed media, so the leg hears one stream
 * across prompt, relay and prompt again.
 */
public final class Playback {

    /** Packet interval. */
    public static final long FRAME_NANOS = 20_000_000L;
    private static final VarHandle SENT;

    static {
        try {
            SENT = MethodHandles.lookup().findVarHandle(Playback.class, "packetsSent", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final BridgeForwarder forwarder;
    private final Side side;
    private final FrameSource source;
    private final int ssrc;
    private int sequence;
    private int timestamp;
    private boolean started;
    private long nextDueNanos;
    private volatile boolean stopped;
    // written and read through SENT (single writer: the loop)
    private long packetsSent;

    Playback(BridgeForwarder forwarder, Side side, FrameSource source) {
        this.forwarder = forwarder;
        this.side = side;
        this.source = source;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.ssrc = random.nextInt();
        this.sequence = random.nextInt(1 << 16);
        this.timestamp = random.nextInt();
    }

    /** The leg the audio goes to. */
    public Side side() {
        return side;
    }

    /** Stops sending; relayed media toward the leg resumes at once. Idempotent, any thread. */
    public void stop() {
        stopped = true;
    }

    public boolean isActive() {
        return !stopped;
    }

    /** RTP packets sent to the leg so far. */
    public long packetsSent() {
        return (long) SENT.getOpaque(this);
    }

    // ---- loop-thread side ----

    FrameSource source() {
        return source;
    }

    BridgeForwarder forwarder() {
        return forwarder;
    }

    long nextDueNanos() {
        return nextDueNanos;
    }

    void scheduleAt(long nanos) {
        nextDueNanos = nanos;
    }

    /** Header fields of the next frame; advances sequence and timestamp by {@code samples}. */
    int ssrc() {
        return ssrc;
    }

    int takeSequence() {
        int current = sequence;
        sequence = (sequence + 1) & 0xFFFF;
        return current;
    }

    int takeTimestamp(int samples) {
        int current = timestamp;
        timestamp += samples;
        return current;
    }

    /** True for the first frame only (marker bit: start of a talkspurt). */
    boolean takeFirst() {
        boolean first = !started;
        started = true;
        return first;
    }

    void countSent() {
        SENT.setOpaque(this, (long) SENT.getOpaque(this) + 1);
    }
}
