package io.callisto.gateway.media.webrtc;

import io.callisto.gateway.media.rtp.RelayEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.harvest.CandidateHarvester;

/**
 * The one UDP port every browser leg's ICE runs on, bound on the gateway's media address, with the networks remote
 * candidates must be in: the gateway never sends a connectivity check, an answer to one or media to an address
 * outside them, however the browser came by it (a candidate in its offer or trickled, which the leg refuses, or a
 * check sent from there, which the port drops).
 * <p>
 * The port reads its datagrams itself and routes them: a Binding request from an unknown address to the leg its
 * USERNAME names (which gets a {@link PeerSocket} for that address), then everything from a known address to that
 * leg, STUN to ice4j through the socket and DTLS and SRTP straight to the leg's {@link Payload}. Once the gateway's
 * relay runs, {@link #readOn} moves the reading onto the relay's loop, so that a browser's packet is received,
 * decrypted and forwarded by one thread, with one wake-up: on this machine kind, system calls and thread switches
 * were most of what a browser call cost.
 */
public final class IcePort implements AutoCloseable {
    static {
        // ice4j would otherwise probe a cloud metadata address for a public mapping (its STUN mapping harvester has
        // no servers unless configured, so it stays idle)
        System.setProperty("ice4j.harvest.mapping.aws.enabled", "false");
    }

    private static final System.Logger LOG = System.getLogger(IcePort.class.getName());
    private static final int BUFFER_SIZE = 2048;

    /** Where a leg's DTLS and SRTP datagrams go, on the port's reading thread: copy what must outlive the call. */
    @FunctionalInterface
    interface Payload {
        void receive(ByteBuffer datagram, int length, InetSocketAddress source);
    }

    private final DatagramChannel channel;
    private final InetSocketAddress local;
    private final TransportAddress transportAddress;
    private final Predicate<InetAddress> allowedRemotes;
    private final SharedPortHarvester harvester = new SharedPortHarvester(this);
    private final Map<String, PortCandidate> byUfrag = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, Peer> byAddress = new ConcurrentHashMap<>();
    private final AtomicLong refusedChecks = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final Selector ownSelector;
    private final Thread ownReader;
    private volatile boolean reading = true;
    private volatile AutoCloseable relayReading;

    private record Peer(PortCandidate candidate, PeerSocket socket) {
    }

    private IcePort(DatagramChannel channel, Predicate<InetAddress> allowedRemotes) throws IOException {
        this.channel = channel;
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.transportAddress = new TransportAddress(local.getAddress(), local.getPort(), Transport.UDP);
        this.allowedRemotes = allowedRemotes;
        this.ownSelector = Selector.open();
        channel.register(ownSelector, SelectionKey.OP_READ);
        this.ownReader = Thread.ofPlatform().name("ice-port-" + local.getPort()).daemon().unstarted(this::readOwn);
    }

    /**
     * Binds {@code address:port} and reads it on a thread of its own until {@link #readOn} hands it to the relay. The
     * port is announced in every leg's SDP, so it is fixed, not chosen.
     */
    public static IcePort bind(String address, int port, Predicate<InetAddress> allowedRemotes) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the ICE port must be 1..65535");
        }
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            channel.configureBlocking(false);
            IcePort ice = new IcePort(channel, allowedRemotes);
            ice.ownReader.start();
            return ice;
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new IllegalStateException("cannot bind ICE on " + address + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Moves the reading onto the relay's loop (once, before calls: a datagram arriving meanwhile waits unread). */
    public synchronized void readOn(RelayEngine relay) {
        if (relayReading != null) {
            throw new IllegalStateException("the ICE port is already read by a relay");
        }
        reading = false;
        ownSelector.wakeup();
        try {
            ownReader.join();
            ownSelector.close(); // lets go of the channel, which another selector may then take
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while moving the ICE port", e);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the ICE port's own selector: " + e);
        }
        relayReading = relay.read(channel, this::route);
    }

    private void readOwn() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
        while (reading) {
            try {
                ownSelector.select(key -> receiveAll(buffer));
            } catch (IOException | java.nio.channels.ClosedSelectorException e) {
                if (reading) {
                    LOG.log(System.Logger.Level.WARNING, "the ICE port stopped reading: " + e);
                }
                return;
            }
        }
    }

    private void receiveAll(ByteBuffer buffer) {
        try {
            InetSocketAddress source;
            while (reading && (source = (InetSocketAddress) channel.receive(buffer.clear())) != null) {
                if (buffer.position() < BUFFER_SIZE) {
                    route(buffer, buffer.position(), source);
                }
            }
        } catch (ClosedChannelException e) {
            reading = false;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ICE port datagram dropped: " + e);
        }
    }

    /** One datagram from {@code source}, on the reading thread. */
    private void route(ByteBuffer datagram, int length, InetSocketAddress source) {
        if (length == 0) {
            return;
        }
        Peer peer = byAddress.get(source);
        boolean stun = StunHeader.isStun(datagram, length);
        if (stun && (peer == null || namesAnotherLeg(peer, datagram, length))) {
            peer = admit(datagram, length, source); // a new browser address, or one a new leg of the browser reuses
        }
        if (peer == null) {
            return;
        }
        if (stun) {
            byte[] message = new byte[length];
            datagram.get(0, message);
            peer.socket().offer(message);
        } else {
            peer.candidate().payload().receive(datagram, length, source);
        }
    }

    private static boolean namesAnotherLeg(Peer peer, ByteBuffer datagram, int length) {
        String ufrag = StunHeader.localUfrag(datagram, length);
        return ufrag != null && !ufrag.equals(peer.candidate().ufrag());
    }

    /** A Binding request from a new address: its leg gets a socket for it, if the address is allowed. */
    private Peer admit(ByteBuffer datagram, int length, InetSocketAddress source) {
        String ufrag = StunHeader.localUfrag(datagram, length);
        PortCandidate candidate = ufrag == null ? null : byUfrag.get(ufrag);
        if (candidate == null) {
            return null;
        }
        if (!allowedRemotes.test(source.getAddress())) {
            if (refusedChecks.getAndIncrement() % 1000 == 0) {
                LOG.log(System.Logger.Level.INFO, "ICE check from {0} dropped: not in the allowed networks", source);
            }
            return null;
        }
        PeerSocket socket = candidate.accept(source);
        if (socket == null) {
            return null;
        }
        Peer peer = new Peer(candidate, socket);
        byAddress.put(source, peer);
        return peer;
    }

    /** Sends a datagram to a browser: only ever to an allowed address; a full socket buffer drops it, as UDP may. */
    void send(byte[] data, int offset, int length, InetSocketAddress to) throws IOException {
        if (!allowedRemotes.test(to.getAddress())) {
            throw new IOException("refusing to send to " + to + ": not in the allowed networks");
        }
        if (channel.send(ByteBuffer.wrap(data, offset, length), to) == 0 && sendFailures.incrementAndGet() % 1000 == 1) {
            LOG.log(System.Logger.Level.DEBUG, "ICE port send buffer full; datagram to {0} dropped", to);
        }
    }

    void add(PortCandidate candidate) {
        byUfrag.put(candidate.ufrag(), candidate);
    }

    /** Routes the leg's DTLS and SRTP to {@code payload} from now on. */
    void payload(String localUfrag, Payload payload) {
        PortCandidate candidate = byUfrag.get(localUfrag);
        if (candidate == null) {
            throw new IllegalStateException("no ICE candidate on this port for ufrag " + localUfrag);
        }
        candidate.payload(payload);
    }

    void forget(PortCandidate candidate) {
        byUfrag.remove(candidate.ufrag(), candidate);
        byAddress.values().removeIf(peer -> peer.candidate() == candidate);
    }

    void forget(PeerSocket socket) {
        byAddress.computeIfPresent(socket.remote(), (address, peer) -> peer.socket() == socket ? null : peer);
    }

    public int port() {
        return local.getPort();
    }

    public String address() {
        return local.getAddress().getHostAddress();
    }

    InetSocketAddress localAddress() {
        return local;
    }

    TransportAddress transportAddress() {
        return transportAddress;
    }

    CandidateHarvester harvester() {
        return harvester;
    }

    /** Connectivity checks dropped because they came from outside the allowed networks. */
    public long refusedChecks() {
        return refusedChecks.get();
    }

    boolean allows(InetAddress remote) {
        return allowedRemotes.test(remote);
    }

    @Override
    public void close() {
        reading = false;
        ownSelector.wakeup();
        AutoCloseable relay = relayReading;
        if (relay != null) {
            try {
                relay.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "stopping the relay's reading of the ICE port: " + e);
            }
        }
        try {
            ownSelector.close();
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the ICE port: " + e);
        }
    }
}
