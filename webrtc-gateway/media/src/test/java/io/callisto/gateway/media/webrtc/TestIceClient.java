package io.callisto.gateway.media.webrtc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser's side of ICE as Chrome plays it with one host candidate on loopback: controlling, nominating at once
 * (USE-CANDIDATE), answering the gateway's checks, written from RFC 8445/5389 with a plain UDP socket. Datagrams that
 * are not STUN (DTLS, SRTP) are handed to {@link #link()}.
 */
final class TestIceClient implements AutoCloseable {
    private static final int COOKIE = 0x2112A442;
    final DatagramSocket socket;
    final String ufrag = token(8);
    final String password = token(24);
    private final BlockingQueue<byte[]> other = new LinkedBlockingQueue<>();
    private volatile InetSocketAddress remote;
    private volatile String remoteUfrag;
    private volatile String remotePassword;
    private volatile boolean answered;
    private final Thread reader;

    TestIceClient() throws SocketException {
        this(InetAddress.getLoopbackAddress());
    }

    /** A client sending from {@code address} (another of 127.0.0.0/8, as a browser's other interface would). */
    TestIceClient(InetAddress address) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(address, 0));
        reader = Thread.ofVirtual().start(this::read);
    }

    /** The host candidate this "browser" offers. */
    IceCandidate candidate() {
        return new IceCandidate("1", 1, "udp", 2_130_706_431L, socket.getLocalAddress().getHostAddress(),
                socket.getLocalPort(), "host");
    }

    /** Sends nominating checks to the gateway until one is answered; whether it was within the time. */
    boolean connect(String gatewayUfrag, String gatewayPassword, IceCandidate gateway, long timeoutMillis)
            throws IOException, InterruptedException {
        remoteUfrag = gatewayUfrag;
        remotePassword = gatewayPassword;
        remote = new InetSocketAddress(gateway.address(), gateway.port());
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!answered && System.currentTimeMillis() < deadline) {
            byte[] request = message(0x0001, transactionId(), new Attr[] {
                new Attr(0x0006, (gatewayUfrag + ":" + ufrag).getBytes(StandardCharsets.UTF_8)),
                new Attr(0x0024, ByteBuffer.allocate(4).putInt(1_853_824_767).array()),
                new Attr(0x802A, ByteBuffer.allocate(8).putLong(ThreadLocalRandom.current().nextLong()).array()),
                new Attr(0x0025, new byte[0]),
            }, gatewayPassword);
            socket.send(new DatagramPacket(request, request.length, remote));
            Thread.sleep(50);
        }
        return answered;
    }

    /** Non-STUN datagrams to and from the gateway, as a DTLS link. */
    DatagramLink link() {
        return new DatagramLink() {
            @Override
            public void send(byte[] buffer, int offset, int length) throws IOException {
                socket.send(new DatagramPacket(buffer, offset, length, remote));
            }

            @Override
            public int receive(byte[] buffer, int offset, int length, int waitMillis) throws IOException {
                try {
                    byte[] d = other.poll(waitMillis, TimeUnit.MILLISECONDS);
                    if (d == null) {
                        return -1;
                    }
                    System.arraycopy(d, 0, buffer, offset, Math.min(length, d.length));
                    return Math.min(length, d.length);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        };
    }

    /** The next non-STUN datagram from the gateway, or null after {@code waitMillis}. */
    byte[] receive(int waitMillis) throws InterruptedException {
        return other.poll(waitMillis, TimeUnit.MILLISECONDS);
    }

    void send(byte[] packet) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length, remote));
    }

    private void read() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return;
            }
            byte[] d = java.util.Arrays.copyOf(buffer, packet.getLength());
            boolean stun = d.length >= 20 && (d[0] & 0xc0) == 0 && ByteBuffer.wrap(d, 4, 4).getInt() == COOKIE;
            if (!stun) {
                other.add(d);
                continue;
            }
            int type = ByteBuffer.wrap(d, 0, 2).getShort() & 0xffff;
            try {
                if (type == 0x0101) {
                    answered = true;
                } else if (type == 0x0001 && remotePassword != null) {
                    answer(d, (InetSocketAddress) packet.getSocketAddress());
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A success response to the gateway's check, with the address it came from, signed with our password. */
    private void answer(byte[] request, InetSocketAddress from) throws IOException {
        byte[] tid = java.util.Arrays.copyOfRange(request, 8, 20);
        ByteBuffer mapped = ByteBuffer.allocate(8);
        mapped.put((byte) 0).put((byte) 1).putShort((short) (from.getPort() ^ (COOKIE >>> 16)));
        mapped.putInt(ByteBuffer.wrap(from.getAddress().getAddress()).getInt() ^ COOKIE);
        byte[] response = message(0x0101, tid, new Attr[] {new Attr(0x0020, mapped.array())}, password);
        socket.send(new DatagramPacket(response, response.length, from));
    }

    private record Attr(int type, byte[] value) {
    }

    /** A STUN message with MESSAGE-INTEGRITY (keyed with {@code key}) and FINGERPRINT after the attributes. */
    static byte[] message(int type, byte[] tid, Attr[] attributes, String key) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Attr a : attributes) {
            writeAttribute(body, a.type(), a.value());
        }
        byte[] head = header(type, body.size() + 24, tid);
        byte[] signed = concat(head, body.toByteArray());
        writeAttribute(body, 0x0008, hmac(key, signed));
        byte[] withIntegrity = concat(header(type, body.size() + 8, tid), body.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(withIntegrity);
        writeAttribute(body, 0x8028, ByteBuffer.allocate(4).putInt((int) crc.getValue() ^ 0x5354554e).array());
        return concat(header(type, body.size(), tid), body.toByteArray());
    }

    private static byte[] header(int type, int length, byte[] tid) {
        return ByteBuffer.allocate(20).putShort((short) type).putShort((short) length).putInt(COOKIE).put(tid).array();
    }

    private static void writeAttribute(ByteArrayOutputStream out, int type, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putShort((short) type).putShort((short) value.length).array());
        out.writeBytes(value);
        out.writeBytes(new byte[(4 - value.length % 4) % 4]);
    }

    private static byte[] hmac(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] transactionId() {
        byte[] tid = new byte[12];
        ThreadLocalRandom.current().nextBytes(tid);
        return tid;
    }

    private static String token(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Override
    public void close() {
        socket.close();
        reader.interrupt();
    }
}
