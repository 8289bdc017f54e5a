package io.callisto.gateway.media.rtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.util.Objects;
import java.util.Optional;

/**
 * One leg of a bridge: our local RTP/RTCP ports, the peer's SDP address, symmetric RTP latches (one
 * for RTP, one for RTCP, see {@link SourceLatch}), the leg's direction, counters and last activity.
 * Setters may be called from any thread (call control); the packet path runs on the bridge's loop.
 */
public final class RelayLeg {

    private static final VarHandle LAST_PACKET;

    static {
        try {
            LAST_PACKET = MethodHandles.lookup().findVarHandle(RelayLeg.class, "lastPacketNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Side side;
    private final PortPair ports;
    private final RelayLoop loop;
    private final SourceLatch rtpLatch;
    private final SourceLatch rtcpLatch;
    private final LegStats stats = new LegStats();
    private volatile MediaEndpoint remote;
    private volatile MediaDirection direction = MediaDirection.SENDRECV;
    private volatile PacketTransport transport;
    private volatile boolean muted;
    private volatile long watchSinceNanos;
    // written through LAST_PACKET (single writer: the loop)
    private long lastPacketNanos;
    // loop-confined
    SelectionKey rtpKey;
    SelectionKey rtcpKey;
    private boolean eventSeen;
    private int lastEventTimestamp;

    RelayLeg(Side side, PortPair ports, RelayLoop loop, int relatchThreshold) {
        this.side = side;
        this.ports = ports;
        this.loop = loop;
        this.rtpLatch = new SourceLatch(relatchThreshold);
        this.rtcpLatch = new SourceLatch(relatchThreshold);
        long now = System.nanoTime();
        this.watchSinceNanos = now;
        LAST_PACKET.setOpaque(this, now);
    }

    public Side side() {
        return side;
    }

    /** Our RTP port on this leg, for the SDP we send on it. */
    public int rtpPort() {
        return ports.rtpPort();
    }

    public int rtcpPort() {
        return ports.rtcpPort();
    }

    /** The peer's SDP address, once known. */
    public Optional<MediaEndpoint> remote() {
        return Optional.ofNullable(remote);
    }

    /**
     * Sets the peer's SDP address (answer, re-INVITE, transfer to a new phone). Both latches are
     * reset: media goes to this address until the new peer's first packet arrives. Returns once the
     * relay applies it, so a packet sent afterwards by the new peer is judged by the new settings.
     */
    public void setRemote(MediaEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        remote = endpoint;
        loop.call(() -> {
            rtpLatch.reset(endpoint.rtp());
            rtcpLatch.reset(endpoint.rtcpMux() ? endpoint.rtp() : endpoint.rtcp());
        });
        watchSinceNanos = System.nanoTime();
    }

    public MediaDirection direction() {
        return direction;
    }

    /**
     * Hold and resume. Media from a leg that does not receive, and to a leg that does not send, is
     * not forwarded; on resume, the far side's stream continues without a sequence gap.
     */
    public void setDirection(MediaDirection newDirection) {
        direction = newDirection;
        watchSinceNanos = System.nanoTime();
    }

    /**
     * Mutes the peer: what it sends is still received (it keeps the leg alive) but not passed on, whatever the
     * direction says. Independent of hold.
     */
    public void setMuted(boolean mute) {
        muted = mute;
    }

    public boolean isMuted() {
        return muted;
    }

    /** The transport this leg's media uses instead of its UDP ports, if any (a browser's SRTP). */
    public Optional<PacketTransport> transport() {
        return Optional.ofNullable(transport);
    }

    public LegStats stats() {
        return stats;
    }

    /** {@link System#nanoTime()} of the last valid RTP or RTCP packet from the peer, or of the leg's creation. */
    public long lastPacketNanos() {
        return (long) LAST_PACKET.getOpaque(this);
    }

    /**
     * When silence on this leg starts to count: the later of the last packet and the last change of
     * remote or direction (a resumed leg is not silent just because it was on hold).
     */
    public long activityNanos() {
        return Math.max(lastPacketNanos(), watchSinceNanos);
    }

    /** Where RTP to this leg goes now: the latched source, else the SDP address. */
    public Optional<InetSocketAddress> rtpDestination() {
        return Optional.ofNullable(rtpLatch.destination());
    }

    /** The source RTP latched to, if any packet arrived since the last {@link #setRemote}. */
    public Optional<InetSocketAddress> latchedRtpSource() {
        return Optional.ofNullable(rtpLatch.latched());
    }

    public Optional<InetSocketAddress> latchedRtcpSource() {
        return Optional.ofNullable(rtcpLatch.latched());
    }

    // ---- loop-thread side ----

    PortPair ports() {
        return ports;
    }

    SourceLatch rtpLatch() {
        return rtpLatch;
    }

    SourceLatch rtcpLatch() {
        return rtcpLatch;
    }

    boolean rtcpMux() {
        MediaEndpoint current = remote;
        return transport != null || current != null && current.rtcpMux();
    }

    PacketTransport currentTransport() {
        return transport;
    }

    void useTransport(PacketTransport next) {
        transport = next;
    }

    void touch(long nowNanos) {
        LAST_PACKET.setOpaque(this, nowNanos);
    }

    /** Counts a telephone-event packet; an event is new when its timestamp differs from the last one. */
    void countTelephoneEvent(int timestamp) {
        if (!eventSeen || timestamp != lastEventTimestamp) {
            eventSeen = true;
            lastEventTimestamp = timestamp;
            stats.increment(LegCounter.TELEPHONE_EVENTS);
        }
    }

    @Override
    public String toString() {
        return "RelayLeg[" + side + " " + ports.rtpPort() + " -> " + rtpLatch.destination() + " " + direction + "]";
    }
}
