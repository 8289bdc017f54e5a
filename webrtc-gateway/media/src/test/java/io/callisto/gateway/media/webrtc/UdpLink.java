package io.callisto.gateway.media.webrtc;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

/** A DatagramLink over a loopback UDP socket talking to one peer, for tests. */
final class UdpLink implements DatagramLink, AutoCloseable {
    final DatagramSocket socket;
    volatile InetSocketAddress peer;

    UdpLink() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    static UdpLink[] pair() throws IOException {
        UdpLink a = new UdpLink();
        UdpLink b = new UdpLink();
        a.peer = (InetSocketAddress) b.socket.getLocalSocketAddress();
        b.peer = (InetSocketAddress) a.socket.getLocalSocketAddress();
        return new UdpLink[] {a, b};
    }

    @Override
    public void send(byte[] buffer, int offset, int length) throws IOException {
        socket.send(new DatagramPacket(buffer, offset, length, peer));
    }

    @Override
    public int receive(byte[] buffer, int offset, int length, int waitMillis) throws IOException {
        socket.setSoTimeout(waitMillis);
        DatagramPacket packet = new DatagramPacket(buffer, offset, length);
        try {
            socket.receive(packet);
            return packet.getLength();
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
