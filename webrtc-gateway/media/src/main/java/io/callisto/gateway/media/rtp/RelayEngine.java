package io.callisto.gateway.media.rtp;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RTP relay of a gateway: a port pool and a fixed set of selector loops. {@link #open()} creates
 * a bridge on the next loop, round robin; both legs of a bridge share its loop, so a call's packets
 * never cross threads and need no lock. Closing the engine closes every bridge.
 */
public final class RelayEngine implements AutoCloseable {

    private final RelayConfig config;
    private final RtpPortPool pool;
    private final RelayLoop[] loops;
    private final Set<RtpBridge> bridges = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean closed;

    public RelayEngine(RelayConfig config) {
        this.config = config;
        this.pool = new RtpPortPool(config.bindAddress(), config.ports());
        this.loops = new RelayLoop[config.ioThreads()];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new RelayLoop("rtp-relay-" + i);
            loops[i].start();
        }
    }

    /**
     * A bridge with two legs and no remote addresses yet: put {@link RelayLeg#rtpPort()} in the SDPs,
     * then {@link RelayLeg#setRemote} each leg when its peer's SDP arrives.
     *
     * @throws RtpPortsExhaustedException when the range has no two free pairs
     * @throws IllegalStateException      when the engine is closed
     */
    public RtpBridge open() {
        if (closed) {
            throw new IllegalStateException("RTP relay engine is closed");
        }
        PortPair portsA = pool.allocate();
        PortPair portsB;
        try {
            portsB = pool.allocate();
        } catch (RuntimeException e) {
            portsA.close();
            throw e;
        }
        long id = ids.incrementAndGet();
        RelayLoop loop = loops[(int) (id % loops.length)];
        RtpBridge bridge = new RtpBridge(id, this, loop, portsA, portsB, config.relatchThreshold());
        bridges.add(bridge);
        loop.execute(bridge::register);
        if (closed) {
            bridge.close(); // lost a race with close(): do not leak the ports
            throw new IllegalStateException("RTP relay engine is closed");
        }
        return bridge;
    }

    /** A bridge whose peers' SDP addresses are already known. */
    public RtpBridge open(MediaEndpoint remoteA, MediaEndpoint remoteB) {
        RtpBridge bridge = open();
        bridge.leg(Side.A).setRemote(remoteA);
        bridge.leg(Side.B).setRemote(remoteB);
        return bridge;
    }

    /**
     * Reads {@code channel} (non-blocking, bound) on the first loop and hands each datagram to {@code receiver} there;
     * closing the result stops it. What the receiver injects into a bridge of that loop is forwarded without a thread
     * hop (on more than one loop, a bridge elsewhere still gets it through its own loop's queue).
     */
    public AutoCloseable read(java.nio.channels.DatagramChannel channel, DatagramReceiver receiver) {
        if (closed) {
            throw new IllegalStateException("RTP relay engine is closed");
        }
        RelayLoop loop = loops[0];
        java.util.concurrent.CompletableFuture<java.nio.channels.SelectionKey> key =
                new java.util.concurrent.CompletableFuture<>();
        loop.call(() -> {
            try {
                key.complete(loop.register(channel, receiver));
            } catch (java.io.IOException | RuntimeException e) {
                key.completeExceptionally(e);
            }
        });
        java.nio.channels.SelectionKey registered;
        try {
            registered = key.getNow(null);
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException("cannot read " + channel + " on the relay: " + e.getCause(), e.getCause());
        }
        if (registered == null) {
            throw new IllegalStateException("the relay loop did not register " + channel);
        }
        return () -> loop.call(() -> loop.deregister(registered));
    }

    /** A snapshot of the open bridges. */
    public List<RtpBridge> activeBridges() {
        return List.copyOf(bridges);
    }

    public RtpPortPool ports() {
        return pool;
    }

    public RelayConfig config() {
        return config;
    }

    void forget(RtpBridge bridge) {
        bridges.remove(bridge);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RtpBridge bridge : List.copyOf(bridges)) {
            bridge.close();
        }
        for (RelayLoop loop : loops) {
            loop.shutdown();
        }
    }
}
