package io.callisto.gateway.media.rtp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A wire between a leg of one bridge and a leg of another: what the relay would send out of one leg goes into the
 * other, both ways, with no socket in between. It joins two calls that each already have their media negotiated
 * (the same codec on both), as an attended transfer does when it hands the customer to the colleague consulted: the
 * customer's bridge keeps its caller and recording, the consultation's bridge keeps the colleague, and neither side
 * is asked to change anything. Each bridge rewrites sequence numbers, timestamps, SSRCs and payload types toward its
 * own peer as for any other leg. Cut by {@link #close}: both legs are back on their ports, with no peer to send to
 * until they are pointed at one again (a link lasts as long as the joined call, so that is rarely wanted).
 */
public final class BridgeLink implements AutoCloseable {
    /** What each end tells its bridge the peer is (the discard port; never sent to: the link carries the packets). */
    private static final InetSocketAddress NOWHERE = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 9);
    private final End first;
    private final End second;

    private BridgeLink(RtpBridge oneBridge, Side oneSide, RtpBridge otherBridge, Side otherSide) {
        this.first = new End(oneBridge, oneSide);
        this.second = new End(otherBridge, otherSide);
    }

    /** Joins {@code oneSide} of {@code one} and {@code otherSide} of {@code other}. */
    public static BridgeLink join(RtpBridge one, Side oneSide, RtpBridge other, Side otherSide) {
        if (one == other) {
            throw new IllegalArgumentException("a bridge is not linked to itself");
        }
        BridgeLink link = new BridgeLink(one, oneSide, other, otherSide);
        link.first.input = one.attach(oneSide, link.second, NOWHERE);
        link.second.input = other.attach(otherSide, link.first, NOWHERE);
        return link;
    }

    /** Packets carried from the first bridge's leg to the second's. */
    public long packetsForward() {
        return second.carried.get();
    }

    /** Packets carried from the second bridge's leg to the first's. */
    public long packetsBack() {
        return first.carried.get();
    }

    @Override
    public void close() {
        first.bridge.detach(first.side, second);
        second.bridge.detach(second.side, first);
    }

    /**
     * One end of the wire. As a transport it is handed what the <em>other</em> end's leg sends, and feeds it to its own
     * leg's input (copied: the sending loop's buffer is not ours to keep).
     */
    private static final class End implements PacketTransport {
        private final RtpBridge bridge;
        private final Side side;
        private final AtomicLong carried = new AtomicLong();
        private volatile LegInput input;

        End(RtpBridge bridge, Side side) {
            this.bridge = bridge;
            this.side = side;
        }

        @Override
        public boolean sendRtp(ByteBuffer buf, int len) {
            return carry(buf, len);
        }

        @Override
        public boolean sendRtcp(ByteBuffer buf, int len) {
            return carry(buf, len);
        }

        private boolean carry(ByteBuffer buf, int len) {
            LegInput target = input;
            if (target == null) {
                return false;
            }
            byte[] packet = new byte[len];
            buf.get(0, packet, 0, len);
            target.receive(packet, len);
            carried.incrementAndGet();
            return true;
        }
    }
}
