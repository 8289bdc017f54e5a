package io.callisto.gateway.media.webrtc;

import java.io.IOException;
import java.net.InetAddress;
import java.util.function.Predicate;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.harvest.AbstractUdpListener;

/**
 * The one UDP port every browser leg's ICE runs on (ice4j tells the legs apart by their credentials, then by the
 * browser's address), read by one thread that pushes each leg's media to it directly, bound on the
 * gateway's media address, with the networks remote candidates must be in: the gateway never sends a connectivity
 * check, an answer to one or media to an address outside them, however the browser came by it (a candidate in its
 * offer or trickled, which the leg refuses, or a check sent from there, which the port drops).
 */
public final class IcePort implements AutoCloseable {
    static {
        // ice4j would otherwise probe a cloud metadata address for a public mapping (its STUN mapping harvester has
        // no servers unless configured, so it stays idle)
        System.setProperty("ice4j.harvest.mapping.aws.enabled", "false");
        // ice4j's push API: the port's receiving thread hands SRTP and DTLS straight to the leg (IceSession#pushed)
        // instead of queueing it through a per-peer socket and the component's merging reader, two thread hops per
        // packet that were half the CPU of a call. STUN still goes through ice4j's sockets. Read once, when the
        // port's listener starts, and process-wide: every port in this JVM is ours.
        AbstractUdpListener.USE_PUSH_API = true;
    }

    private final AllowedRemotesHarvester harvester;
    private final Predicate<InetAddress> allowedRemotes;
    private final String address;

    private IcePort(AllowedRemotesHarvester harvester, String address, Predicate<InetAddress> allowedRemotes) {
        this.harvester = harvester;
        this.address = address;
        this.allowedRemotes = allowedRemotes;
    }

    /** Binds {@code address:port}; the port is announced in every leg's SDP, so it is fixed, not chosen. */
    public static IcePort bind(String address, int port, Predicate<InetAddress> allowedRemotes) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the ICE port must be 1..65535");
        }
        try {
            return new IcePort(new AllowedRemotesHarvester(new TransportAddress(address, port, Transport.UDP),
                    allowedRemotes), address, allowedRemotes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind ICE on " + address + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return harvester.getLocalAddress().getPort();
    }

    public String address() {
        return address;
    }

    AllowedRemotesHarvester harvester() {
        return harvester;
    }

    /** Connectivity checks dropped because they came from outside the allowed networks. */
    public long refusedChecks() {
        return harvester.refusedChecks();
    }

    boolean allows(InetAddress remote) {
        return allowedRemotes.test(remote);
    }

    @Override
    public void close() {
        harvester.close();
    }
}
