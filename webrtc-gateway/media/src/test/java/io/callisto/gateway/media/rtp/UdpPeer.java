package io.callisto.gateway.media.rtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A test phone: a DatagramChannel on 127.0.0.1 with timed receive. */
public final class UdpPeer implements AutoCloseable {

    /** A received datagram. */
    public record Datagram(byte[] data, InetSocketAddress source) {

        public ByteBuffer buffer() {
            return ByteBuffer.wrap(data);
        }
    }

    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final DatagramChannel channel;
    private final Selector selector;
    private final ByteBuffer buffer = ByteBuffer.allocate(4096);

    public UdpPeer() {
        try {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.bind(new InetSocketAddress(LOOPBACK, 0));
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return address().getPort();
    }

    /** The SDP this peer would send: RTP at its own port, RTCP at +1 (not bound: only for tests that ignore RTCP). */
    public MediaEndpoint endpoint() {
        return MediaEndpoint.of(address());
    }

    public void send(byte[] packet, InetSocketAddress to) {
        try {
            channel.send(ByteBuffer.wrap(packet), to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(byte[] packet, int port) {
        send(packet, new InetSocketAddress(LOOPBACK, port));
    }

    /** The next datagram, waiting up to {@code timeout}. */
    public Optional<Datagram> receive(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                buffer.clear();
                InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
                if (source != null) {
                    buffer.flip();
                    byte[] data = new byte[buffer.remaining()];
                    buffer.get(data);
                    return Optional.of(new Datagram(data, source));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exactly {@code count} datagrams or fewer if the timeout passes first. */
    public List<Datagram> receive(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Datagram> got = new ArrayList<>();
        while (got.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            receive(Duration.ofNanos(left)).ifPresent(got::add);
        }
        return got;
    }

    /** Whatever arrives within {@code quiet}, to assert that nothing (more) came. */
    public List<Datagram> drain(Duration quiet) {
        List<Datagram> got = new ArrayList<>();
        Optional<Datagram> next;
        while ((next = receive(quiet)).isPresent()) {
            got.add(next.get());
        }
        return got;
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
