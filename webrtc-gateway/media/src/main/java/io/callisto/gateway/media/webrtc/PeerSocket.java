package io.callisto.gateway.media.webrtc;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * What ice4j's STUN stack sees of one browser address on the shared {@link IcePort}: a socket that receives only the
 * STUN messages the port routed to it and sends through the port. Media never passes here.
 */
final class PeerSocket extends DatagramSocket {
    /** STUN is a few messages a second; a stack this far behind has stalled, and the oldest matter least. */
    private static final int QUEUE = 32;
    private final IcePort port;
    private final InetSocketAddress remote;
    /** Put in the inbox by {@link #close}: wakes a blocked reader, which then throws as a closed socket does. */
    private static final byte[] CLOSED = new byte[0];
    private final BlockingQueue<byte[]> inbox = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean closed;

    PeerSocket(IcePort port, InetSocketAddress remote) throws SocketException {
        super((SocketAddress) null); // unbound: the port's channel does the I/O
        this.port = port;
        this.remote = remote;
    }

    InetSocketAddress remote() {
        return remote;
    }

    /** A STUN message from the browser, on the port's reading thread: queued, never blocking it. */
    void offer(byte[] message) {
        while (!inbox.offer(message)) {
            inbox.poll();
        }
    }

    @Override
    public void receive(DatagramPacket packet) throws IOException {
        byte[] message;
        try {
            // blocks without waking: each wake-up of ice4j's reader thread, per browser, is CPU on an idle call
            message = closed ? CLOSED : inbox.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SocketException("interrupted");
        }
        if (message == CLOSED) {
            offer(CLOSED); // for any other reader
            throw new SocketException("socket closed");
        }
        int length = Math.min(message.length, packet.getData().length - packet.getOffset());
        System.arraycopy(message, 0, packet.getData(), packet.getOffset(), length);
        packet.setLength(length);
        packet.setSocketAddress(remote);
    }

    @Override
    public void send(DatagramPacket packet) throws IOException {
        port.send(packet.getData(), packet.getOffset(), packet.getLength(), remote);
    }

    @Override
    public InetAddress getLocalAddress() {
        return port.localAddress().getAddress();
    }

    @Override
    public int getLocalPort() {
        return port.port();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return port.localAddress();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return remote;
    }

    @Override
    public InetAddress getInetAddress() {
        return remote.getAddress();
    }

    @Override
    public int getPort() {
        return remote.getPort();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        if (port != null) { // null when the superclass's constructor closes a socket it failed to make
            offer(CLOSED);
            port.forget(this);
        }
        super.close();
    }
}
