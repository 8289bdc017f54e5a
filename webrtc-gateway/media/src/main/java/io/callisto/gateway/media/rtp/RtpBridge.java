package io.callisto.gateway.media.rtp;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The media of one B2BUA call: two legs and the relay between them. Both legs live on one loop
 * thread. Call control sets the legs' remote addresses and directions, the payload maps from the
 * negotiated SDPs, an optional tap, and plays prompts; everything else happens on the loop.
 */
public final class RtpBridge implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RtpBridge.class.getName());

    private final long id;
    private final RelayEngine engine;
    private final RelayLoop loop;
    private final RelayLeg a;
    private final RelayLeg b;
    private final BridgeForwarder forwarder;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile PayloadMap fromA = PayloadMap.identity();
    private volatile PayloadMap fromB = PayloadMap.identity();
    private volatile MediaTap tap;

    RtpBridge(long id, RelayEngine engine, RelayLoop loop, PortPair portsA, PortPair portsB, int relatchThreshold) {
        this.id = id;
        this.engine = engine;
        this.loop = loop;
        this.a = new RelayLeg(Side.A, portsA, loop, relatchThreshold);
        this.b = new RelayLeg(Side.B, portsB, loop, relatchThreshold);
        this.forwarder = new BridgeForwarder(this, a, b);
    }

    public long id() {
        return id;
    }

    public RelayLeg leg(Side side) {
        return side == Side.A ? a : b;
    }

    /** Translation for packets received from {@code from} (and sent to the other leg). Default: identity. */
    public void setPayloadMap(Side from, PayloadMap map) {
        if (from == Side.A) {
            fromA = map;
        } else {
            fromB = map;
        }
    }

    public PayloadMap payloadMap(Side from) {
        return from == Side.A ? fromA : fromB;
    }

    /** Starts passing received audio to {@code newTap} (e.g. a recorder); replaces any previous tap. */
    public void setTap(MediaTap newTap) {
        tap = Objects.requireNonNull(newTap, "tap");
    }

    public void clearTap() {
        tap = null;
    }

    MediaTap tap() {
        return tap;
    }

    /** Loop thread: detaches a tap that threw, once, and says so. */
    void tapFailed(MediaTap failed, RuntimeException e) {
        if (tap == failed) {
            tap = null;
            LOG.log(System.Logger.Level.WARNING, "media tap of bridge " + id + " failed and was detached", e);
        }
    }

    /**
     * Plays {@code source} to leg {@code to} every 20 ms until stopped or finished, replacing any
     * prompt already playing there. Meanwhile media relayed toward that leg is held back; the leg
     * hears one continuous RTP stream throughout. Like the other controls, it returns once the relay
     * loop has applied it.
     */
    public Playback play(Side to, FrameSource source) {
        Playback playback = new Playback(forwarder, to, source);
        if (closed.get()) {
            playback.stop();
            return playback;
        }
        loop.call(() -> {
            Playback previous = forwarder.startPlaying(playback);
            if (previous != null && previous != playback) {
                previous.stop();
            }
            if (playback.isActive()) {
                loop.schedule(playback, System.nanoTime());
            }
        });
        return playback;
    }

    /** Stops the prompt playing to leg {@code to}, if any; relayed media flows to it again. */
    public void stopPlayback(Side to) {
        loop.call(() -> forwarder.stopPlaying(to));
    }

    /** The call is connected: stop prompts on both legs (ringback, music on hold). */
    public void connect() {
        stopPlayback(Side.A);
        stopPlayback(Side.B);
    }

    /**
     * The SSRC the peer on leg {@code to} sees from us; constant for the bridge's life.
     */
    public int outgoingSsrc(Side to) {
        return forwarder.toward(to).outputSsrc();
    }

    /**
     * Carries leg {@code side}'s media over {@code transport} (a browser's SRTP) instead of its UDP ports, from now
     * until it is detached or replaced: the leg's peer becomes {@code peer} (rtcp-mux), its latches reset. Returns
     * where the transport hands what it receives. A second attach (the browser reconnected) replaces the first, whose
     * input then drops everything.
     */
    public LegInput attach(Side side, PacketTransport transport, InetSocketAddress peer) {
        Objects.requireNonNull(transport, "transport");
        RelayLeg leg = leg(side);
        leg.setRemote(new MediaEndpoint(peer, peer, true));
        loop.call(() -> leg.useTransport(transport));
        RelayLoop.Inbound inbound = new RelayLoop.Inbound(forwarder, leg, false);
        return (packet, length) -> {
            if (!closed.get()) {
                loop.inject(inbound, packet, length, peer, () -> leg.currentTransport() == transport);
            }
        };
    }

    /**
     * As {@link #attach(Side, PacketTransport, InetSocketAddress)}, for a peer that comes from another bridge's leg,
     * where it was detached with {@link #detachContinuing}: what it hears goes on as the same RTP stream (SSRC,
     * sequence numbers, timestamps), so that a browser which signalled that SSRC keeps playing it.
     */
    public LegInput attach(Side side, PacketTransport transport, InetSocketAddress peer,
                           StreamRewriter.Continuation continuing) {
        Objects.requireNonNull(continuing, "continuing");
        loop.call(() -> forwarder.toward(side).continueFrom(continuing));
        return attach(side, transport, peer);
    }

    /**
     * Detaches {@code transport} from leg {@code side} (as {@link #detach}) and answers where the stream toward that
     * side stands, for the bridge the peer moves to.
     */
    public StreamRewriter.Continuation detachContinuing(Side side, PacketTransport transport) {
        RelayLeg leg = leg(side);
        java.util.concurrent.atomic.AtomicReference<StreamRewriter.Continuation> where =
                new java.util.concurrent.atomic.AtomicReference<>();
        loop.call(() -> {
            if (leg.currentTransport() == transport) {
                leg.useTransport(null);
            }
            where.set(forwarder.toward(side).continuation());
        });
        StreamRewriter.Continuation continuation = where.get();
        return continuation != null ? continuation : forwarder.toward(side).continuation();
    }

    /** Leg {@code side} goes back to its UDP ports, if {@code transport} is still the one it uses. */
    public void detach(Side side, PacketTransport transport) {
        RelayLeg leg = leg(side);
        loop.call(() -> {
            if (leg.currentTransport() == transport) {
                leg.useTransport(null);
            }
        });
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Stops the relay and prompts and gives both port pairs back to the pool. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        loop.call(() -> {
            forwarder.stopPlaying(Side.A);
            forwarder.stopPlaying(Side.B);
            loop.deregister(a.rtpKey, a.rtcpKey, b.rtpKey, b.rtcpKey);
            a.ports().close();
            b.ports().close();
        });
        engine.forget(this);
    }

    /** Loop thread: starts receiving on the four channels. */
    void register() {
        if (closed.get()) {
            return;
        }
        loop.register(a.ports().rtp(), new RelayLoop.Inbound(forwarder, a, false), key -> a.rtpKey = key);
        loop.register(a.ports().rtcp(), new RelayLoop.Inbound(forwarder, a, true), key -> a.rtcpKey = key);
        loop.register(b.ports().rtp(), new RelayLoop.Inbound(forwarder, b, false), key -> b.rtpKey = key);
        loop.register(b.ports().rtcp(), new RelayLoop.Inbound(forwarder, b, true), key -> b.rtcpKey = key);
    }

    @Override
    public String toString() {
        return "RtpBridge[" + id + " " + a + " | " + b + "]";
    }
}
