package io.callisto.gateway.media.rtp;

import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One allocated RTP port (even) and its RTCP port (RTP + 1), both bound and non-blocking.
 * {@link #close()} closes both channels and gives the ports back to the pool; a second close is a no-op.
 * Close it only after the channels have left any selector (the relay loop does that).
 */
public final class PortPair implements AutoCloseable {

    private final RtpPortPool pool;
    private final int index;
    private final int rtpPort;
    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final AtomicBoolean closed = new AtomicBoolean();

    PortPair(RtpPortPool pool, int index, int rtpPort, DatagramChannel rtp, DatagramChannel rtcp) {
        this.pool = pool;
        this.index = index;
        this.rtpPort = rtpPort;
        this.rtp = rtp;
        this.rtcp = rtcp;
    }

    public int rtpPort() {
        return rtpPort;
    }

    public int rtcpPort() {
        return rtpPort + 1;
    }

    public DatagramChannel rtp() {
        return rtp;
    }

    public DatagramChannel rtcp() {
        return rtcp;
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(rtp);
        closeQuietly(rtcp);
        pool.release(index);
    }

    static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do: the descriptor is gone either way
        }
    }

    @Override
    public String toString() {
        return "PortPair[" + rtpPort + "/" + (rtpPort + 1) + "]";
    }
}
