package io.callisto.gateway.media.webrtc;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Component;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.socket.IceSocketWrapper;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.stack.StunStack;

/**
 * One browser leg's host candidate on the shared {@link IcePort}: the port routes to it by the gateway's ufrag until
 * it knows the browser's address, then by that address. Each address that sent a Binding request with the leg's ufrag
 * gets a {@link PeerSocket}, registered with the leg's STUN stack; the browser's media goes to {@link #payload}.
 */
final class PortCandidate extends HostCandidate {
    private static final System.Logger LOG = System.getLogger(PortCandidate.class.getName());
    private final IcePort port;
    private final String ufrag;
    private final Map<InetSocketAddress, IceSocketWrapper> sockets = new ConcurrentHashMap<>();
    private volatile IcePort.Payload payload = (datagram, length, source) -> { };
    private volatile boolean freed;

    PortCandidate(IcePort port, TransportAddress address, Component component, String ufrag) {
        super(address, component);
        this.port = port;
        this.ufrag = ufrag;
    }

    String ufrag() {
        return ufrag;
    }

    IcePort.Payload payload() {
        return payload;
    }

    void payload(IcePort.Payload handler) {
        payload = handler;
    }

    /** A socket for a browser address that named this leg in a Binding request; null when the leg is over. */
    synchronized PeerSocket accept(InetSocketAddress remote) {
        Component component = getParentComponent();
        if (freed || component == null
                || component.getParentStream().getParentAgent().getState() == IceProcessingState.FAILED) {
            return null;
        }
        try {
            PeerSocket socket = new PeerSocket(port, remote);
            IceSocketWrapper wrapper = new IceUdpSocketWrapper(socket);
            sockets.put(remote, wrapper);
            component.getParentStream().getParentAgent().getStunStack().addSocket(wrapper,
                    new TransportAddress(remote, Transport.UDP));
            return socket;
        } catch (SocketException e) {
            LOG.log(System.Logger.Level.WARNING, "no socket for ICE peer " + remote + ": " + e.getMessage());
            return null;
        }
    }

    /** How ice4j sends to one of the browser's addresses (its checks, consent and answers): through the port. */
    @Override
    protected IceSocketWrapper getCandidateIceSocketWrapper(SocketAddress remoteAddress) {
        return remoteAddress instanceof InetSocketAddress remote ? sockets.get(plain(remote)) : null;
    }

    private static InetSocketAddress plain(InetSocketAddress address) {
        return address.getClass() == InetSocketAddress.class ? address
                : new InetSocketAddress(address.getAddress(), address.getPort());
    }

    @Override
    public void free() {
        synchronized (this) {
            if (freed) {
                return;
            }
            freed = true;
        }
        port.forget(this);
        StunStack stack = getStunStack();
        TransportAddress local = getTransportAddress();
        sockets.forEach((remote, wrapper) -> {
            if (stack != null) {
                stack.removeSocket(local, new TransportAddress(remote, Transport.UDP));
            }
            wrapper.close();
        });
        sockets.clear();
        super.free();
    }
}
