package io.callisto.gateway.media.rtp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Takes the datagrams of a socket the relay reads for someone else (the browsers' shared ICE port), on the relay's
 * loop thread: a browser's media then reaches its bridge on the thread that forwards it, with no hand-off.
 */
@FunctionalInterface
public interface DatagramReceiver {
    /**
     * One datagram, at {@code [0, length)} of {@code datagram} (absolute; position and limit are not its bounds). The
     * buffer is reused for the next datagram: copy what must outlive the call. Must not block.
     */
    void receive(ByteBuffer datagram, int length, InetSocketAddress source);
}
