package io.callisto.gateway.media.rtp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.BitSet;

/**
 * Allocates RTP/RTCP port pairs from a range on one bind address. Both channels are bound at once,
 * so a port held by another process is found immediately and skipped. Allocation walks the range
 * from a rotating cursor: a just-released pair is reused last, so stray packets of an old call do
 * not land in a new one. Thread-safe; allocation is per call, not per packet, so a monitor is fine.
 */
public final class RtpPortPool {

    private final InetAddress bindAddress;
    private final PortRange range;
    private final BitSet used;
    private int cursor;
    private int allocated;

    public RtpPortPool(InetAddress bindAddress, PortRange range) {
        this.bindAddress = bindAddress;
        this.range = range;
        this.used = new BitSet(range.pairs());
    }

    public InetAddress bindAddress() {
        return bindAddress;
    }

    public PortRange range() {
        return range;
    }

    /**
     * Binds the next free pair.
     *
     * @throws RtpPortsExhaustedException when every pair is allocated or held by someone else
     */
    public synchronized PortPair allocate() {
        int pairs = range.pairs();
        int foreign = 0;
        for (int i = 0; i < pairs; i++) {
            int index = (cursor + i) % pairs;
            if (used.get(index)) {
                continue;
            }
            int port = range.rtpPort(index);
            PortPair pair = tryBind(index, port);
            if (pair == null) {
                foreign++;
                continue;
            }
            used.set(index);
            allocated++;
            cursor = (index + 1) % pairs;
            return pair;
        }
        throw new RtpPortsExhaustedException("no free RTP port pair in " + range + " on "
                + bindAddress.getHostAddress() + ": " + allocated + " pairs allocated to calls, "
                + foreign + " held by other processes");
    }

    /** Pairs not allocated by this pool (some may still be held by other processes). */
    public synchronized int free() {
        return range.pairs() - allocated;
    }

    /** Pairs currently allocated by this pool. */
    public synchronized int used() {
        return allocated;
    }

    synchronized void release(int index) {
        if (used.get(index)) {
            used.clear(index);
            allocated--;
        }
    }

    private PortPair tryBind(int index, int port) {
        DatagramChannel rtp = null;
        DatagramChannel rtcp = null;
        try {
            rtp = open(port);
            rtcp = open(port + 1);
            return new PortPair(this, index, port, rtp, rtcp);
        } catch (IOException e) {
            // in use by another process (BindException) or a transient socket error: skip the pair
            if (rtp != null) {
                PortPair.closeQuietly(rtp);
            }
            if (rtcp != null) {
                PortPair.closeQuietly(rtcp);
            }
            return null;
        }
    }

    private DatagramChannel open(int port) throws IOException {
        DatagramChannel channel = bindAddress instanceof Inet6Address
                ? DatagramChannel.open(StandardProtocolFamily.INET6)
                : DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            channel.configureBlocking(false);
            channel.bind(new InetSocketAddress(bindAddress, port));
            return channel;
        } catch (IOException e) {
            PortPair.closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public String toString() {
        return "RtpPortPool[" + bindAddress.getHostAddress() + " " + range + "]";
    }
}
