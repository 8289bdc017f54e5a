package io.callisto.gateway.media.webrtc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.ice4j.TransportAddress;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;
import org.ice4j.util.Buffer;

/**
 * ice4j's single-port harvester that takes connectivity checks only from addresses in the allowed networks. A check
 * from elsewhere never reaches an ICE agent: no answer, no peer-reflexive candidate, no triggered check back. Without
 * this, a browser that sends its checks from another interface's address (Chromium on 127.0.0.1 may send from the
 * machine's LAN address) would be answered and paired there, and the gateway would send media to an address nobody
 * allowed.
 */
final class AllowedRemotesHarvester extends SinglePortUdpHarvester {
    private static final System.Logger LOG = System.getLogger(AllowedRemotesHarvester.class.getName());
    private final Predicate<InetAddress> allowed;
    private final AtomicLong refused = new AtomicLong();

    AllowedRemotesHarvester(TransportAddress localAddress, Predicate<InetAddress> allowed) throws IOException {
        super(localAddress);
        this.allowed = allowed;
    }

    /** Connectivity checks dropped because they came from outside the allowed networks. */
    long refusedChecks() {
        return refused.get();
    }

    @Override
    protected MySocket maybeAcceptNewSession(Buffer buf, InetSocketAddress remoteAddress, String ufrag) {
        if (!allowed.test(remoteAddress.getAddress())) {
            if (refused.getAndIncrement() % 1000 == 0) {
                LOG.log(System.Logger.Level.INFO, "ICE check from {0} dropped: not in the allowed networks",
                        remoteAddress);
            }
            return null;
        }
        return super.maybeAcceptNewSession(buf, remoteAddress, ufrag);
    }
}
