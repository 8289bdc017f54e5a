package io.callisto.gateway.media.webrtc;

import java.beans.PropertyChangeEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RemoteCandidate;

/**
 * ICE for one browser leg (RFC 8445), the gateway answering and controlled: its own credentials and one host
 * candidate on the {@link IcePort}, the browser's credentials and candidates (only UDP IPv4 ones in the allowed
 * networks are paired), consent freshness kept. Every non-STUN datagram is handed by the {@link IcePort}'s reading
 * thread straight to {@link #pushed}, with no queue or thread in between: DTLS records (first byte 20-63, RFC 7983)
 * go to the {@link #dtls()} link, SRTP and SRTCP (128-191) to the media handler. Like ice4j's own component socket,
 * it takes them only from addresses whose pair passed a connectivity check.
 */
public final class IceSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IceSession.class.getName());
    private final Agent agent;
    private final IceMediaStream stream;
    private final Component component;
    private final IcePort port;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final BlockingQueue<byte[]> dtlsRecords = new ArrayBlockingQueue<>(64);
    private final AtomicLong refusedCandidates = new AtomicLong();
    private volatile IceProcessingState state = IceProcessingState.WAITING;
    private volatile Consumer<byte[]> media = packet -> { };
    private volatile Runnable onFailure = () -> { };
    private final java.util.concurrent.atomic.AtomicBoolean failureReported = new java.util.concurrent.atomic.AtomicBoolean();
    private final Set<InetSocketAddress> checkedRemotes = ConcurrentHashMap.newKeySet();
    private volatile boolean consentLost;
    private volatile boolean closed;

    private IceSession(Agent agent, IceMediaStream stream, Component component, IcePort port) {
        this.agent = agent;
        this.stream = stream;
        this.component = component;
        this.port = port;
    }

    /**
     * Starts ICE for a browser's offer: its ufrag and password and the candidates it gave so far (more may trickle in
     * through {@link #addRemoteCandidate}).
     */
    public static IceSession answer(IcePort port, String remoteUfrag, String remotePassword,
                                    List<IceCandidate> remoteCandidates) {
        Agent agent = new Agent();
        try {
            agent.setControlling(false);
            agent.setUseDynamicPorts(false);
            agent.setPerformConsentFreshness(true);
            agent.addCandidateHarvester(port.harvester());
            IceMediaStream stream = agent.createMediaStream("audio");
            // no component socket: its merging reader would be a thread hop per packet; the port hands payload over
            Component component = agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, false);
            IceSession session = new IceSession(agent, stream, component, port);
            port.payload(agent.getLocalUfrag(), session::pushed);
            agent.addStateChangeListener(session::stateChanged);
            stream.addPairChangeListener(session::pairChanged);
            stream.setRemoteUfrag(remoteUfrag);
            stream.setRemotePassword(remotePassword);
            remoteCandidates.forEach(session::addRemoteCandidate);
            agent.startConnectivityEstablishment();
            return session;
        } catch (IOException | RuntimeException e) {
            agent.free();
            throw new IllegalStateException("cannot start ICE: " + e.getMessage(), e);
        }
    }

    public String localUfrag() {
        return agent.getLocalUfrag();
    }

    public String localPassword() {
        return agent.getLocalPassword();
    }

    /** The gateway's candidates for the answer: its host candidate on the ICE port. */
    public List<IceCandidate> localCandidates() {
        return component.getLocalCandidates().stream().map(IceSession::toCandidate).toList();
    }

    /** Adds a browser candidate; false (and nothing sent to it, ever) when it is not UDP IPv4 in the allowed networks. */
    public boolean addRemoteCandidate(IceCandidate candidate) {
        CandidateType type = typeOf(candidate.type());
        if (candidate.component() != 1 || !candidate.isUdpIpv4() || type == null || !allowed(candidate.address())) {
            refusedCandidates.incrementAndGet();
            return false;
        }
        RemoteCandidate remote = new RemoteCandidate(new TransportAddress(candidate.address(), candidate.port(),
                Transport.UDP), component, type, candidate.foundation(), candidate.priority(), null);
        if (agent.getState() == IceProcessingState.WAITING) {
            component.addRemoteCandidate(remote);
        } else {
            component.addUpdateRemoteCandidates(remote);
            component.updateRemoteCandidates();
        }
        return true;
    }

    private static CandidateType typeOf(String type) {
        try {
            return CandidateType.parse(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean allowed(String address) {
        try {
            return port.allows(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Candidates refused (not UDP IPv4, or outside the allowed networks). */
    public long refusedCandidates() {
        return refusedCandidates.get();
    }

    /** Waits for connectivity: true once a pair is selected, false when ICE failed or the time ran out. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return isConnected();
    }

    public boolean isConnected() {
        return state.isEstablished() && component.getSelectedPair() != null;
    }

    public IceProcessingState state() {
        return state;
    }

    private void stateChanged(PropertyChangeEvent event) {
        if (event.getNewValue() instanceof IceProcessingState s) {
            state = s;
            if (s.isOver()) {
                finished.countDown();
            }
            if (s == IceProcessingState.FAILED) {
                reportFailure();
            }
        }
    }

    /**
     * ice4j keeps an established agent COMPLETED or TERMINATED when consent checks on the selected pair go unanswered
     * (RFC 7675): it only fails that pair. That failure is the browser going away, so it is reported as ICE failing.
     */
    private void pairChanged(PropertyChangeEvent event) {
        if (!IceMediaStream.PROPERTY_PAIR_STATE_CHANGED.equals(event.getPropertyName())) {
            return;
        }
        if (event.getNewValue() == org.ice4j.ice.CandidatePairState.SUCCEEDED
                && event.getSource() instanceof org.ice4j.ice.CandidatePair pair
                && pair.getParentComponent() == component) {
            TransportAddress remote = pair.getRemoteCandidate().getTransportAddress();
            checkedRemotes.add(new InetSocketAddress(remote.getAddress(), remote.getPort()));
        }
        if (event.getNewValue() == org.ice4j.ice.CandidatePairState.FAILED && state.isEstablished()
                && event.getSource() == component.getSelectedPair()) {
            LOG.log(System.Logger.Level.INFO, "ICE consent lost on {0}", component.getSelectedPair()
                    .toRedactedShortString());
            consentLost = true;
            reportFailure();
        }
    }

    private void reportFailure() {
        if (!closed && failureReported.compareAndSet(false, true)) {
            onFailure.run();
        }
    }

    /** Runs once when ICE fails: at the start, or later when the browser stops answering consent checks (it is gone). */
    public void onFailure(Runnable handler) {
        onFailure = handler;
        if ((state == IceProcessingState.FAILED || consentLost) && !closed && failureReported.compareAndSet(false, true)) {
            handler.run();
        }
    }

    /** The browser's address on the selected pair, once connected. */
    public java.util.Optional<InetSocketAddress> remoteAddress() {
        org.ice4j.ice.CandidatePair pair = component.getSelectedPair();
        if (pair == null) {
            return java.util.Optional.empty();
        }
        TransportAddress address = pair.getRemoteCandidate().getTransportAddress();
        return java.util.Optional.of(new InetSocketAddress(address.getAddress(), address.getPort()));
    }

    /** Where SRTP and SRTCP datagrams go once connected (the leg's media path). */
    public void onMedia(Consumer<byte[]> handler) {
        media = handler;
    }

    /** The DTLS records of this leg as a link for the handshake (sent on the selected pair). */
    public DatagramLink dtls() {
        return new DatagramLink() {
            @Override
            public void send(byte[] buffer, int offset, int length) throws IOException {
                component.send(buffer, offset, length);
            }

            @Override
            public int receive(byte[] buffer, int offset, int length, int waitMillis) throws IOException {
                byte[] record;
                try {
                    record = dtlsRecords.poll(waitMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                if (record == null) {
                    return -1;
                }
                int n = Math.min(length, record.length);
                System.arraycopy(record, 0, buffer, offset, n);
                return n;
            }
        };
    }

    /** Sends an SRTP or SRTCP packet on the selected pair. */
    public void send(byte[] packet, int offset, int length) throws IOException {
        component.send(packet, offset, length);
    }

    /** A DTLS or SRTP datagram from the shared port, on its reading thread: classified and handed on, never blocking. */
    private void pushed(ByteBuffer datagram, int length, InetSocketAddress from) {
        if (closed || state == IceProcessingState.FAILED || !checkedRemotes.contains(from)) {
            return;
        }
        byte[] data = new byte[length];
        datagram.get(0, data);
        int first = data[0] & 0xff;
        if (first >= 20 && first <= 63) {
            if (!dtlsRecords.offer(data)) {
                LOG.log(System.Logger.Level.DEBUG, "DTLS record dropped: the handshake is not reading");
            }
        } else if (first >= 128 && first <= 191) {
            media.accept(data);
        }
    }

    private static IceCandidate toCandidate(LocalCandidate c) {
        TransportAddress address = c.getTransportAddress();
        return new IceCandidate(c.getFoundation(), 1, "udp", c.getPriority(), address.getHostAddress(), address.getPort(),
                c.getType().toString());
    }

    @Override
    public void close() {
        closed = true;
        agent.free();
    }
}
