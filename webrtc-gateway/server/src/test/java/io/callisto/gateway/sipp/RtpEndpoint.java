package io.callisto.gateway.sipp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UDP socket on 127.0.0.1 that stands in for the media port a sipp scenario advertises, counting the RTP
 * it receives: packets, payload types, SSRCs and RFC 4733 digits. In {@link Mode#ECHO} it also sends every
 * packet back to its source (symmetric RTP), like sipp's -rtp_echo but observable.
 *
 * <p>Why it exists: sipp 3.6.1 cannot count RTP it receives, except with -rtp_echo (and then only in its
 * screen, see {@link SippResult#rtpEchoPackets()}). Its pcap play sends from a raw socket with the
 * advertised port as source port and binds nothing there, so the carrier scenarios advertise
 * [media_port+4] and this endpoint listens on that port ({@link Sipp.Builder#rtpEndpoint}).
 */
public final class RtpEndpoint implements AutoCloseable {

    /** What the endpoint does with a packet besides counting it. */
    public enum Mode { SINK, ECHO }

    private static final System.Logger LOG = System.getLogger(RtpEndpoint.class.getName());

    private final DatagramSocket socket;
    private final Mode mode;
    private final Set<Integer> eventPayloadTypes = ConcurrentHashMap.newKeySet();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong echoed = new AtomicLong();
    private final AtomicLong notRtp = new AtomicLong();
    private final Map<Integer, AtomicLong> byPayloadType = new ConcurrentHashMap<>();
    private final Set<Long> ssrcs = ConcurrentHashMap.newKeySet();
    private final AtomicReference<SocketAddress> lastSource = new AtomicReference<>();
    private final StringBuilder digits = new StringBuilder();
    private long lastEventTimestamp = -1;
    private boolean lastEventEnded;
    private volatile boolean closed;

    private RtpEndpoint(DatagramSocket socket, Mode mode) {
        this.socket = socket;
        this.mode = mode;
        eventPayloadTypes.add(101);
    }

    /** Binds 127.0.0.1:port and starts receiving. */
    public static RtpEndpoint open(int port, Mode mode) {
        return open(Ports.LOOPBACK, port, mode);
    }

    /** Binds address:port (a test network namespace's address, see {@link RtpSinkMain}) and starts receiving. */
    public static RtpEndpoint open(java.net.InetAddress address, int port, Mode mode) {
        try {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, port));
            socket.setSoTimeout(200);
            RtpEndpoint endpoint = new RtpEndpoint(socket, mode);
            Thread.ofPlatform().daemon().name("rtp-" + mode.name().toLowerCase() + "-" + port).start(endpoint::receiveLoop);
            return endpoint;
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot bind RTP port " + port, e);
        }
    }

    /** Also decodes RFC 4733 events sent with this payload type (101 always is). */
    public RtpEndpoint eventPayloadType(int payloadType) {
        eventPayloadTypes.add(payloadType);
        return this;
    }

    public int port() {
        return socket.getLocalPort();
    }

    public Mode mode() {
        return mode;
    }

    /** RTP packets received (version 2, at least a 12-byte header). */
    public long packets() {
        return packets.get();
    }

    public long packets(int payloadType) {
        AtomicLong count = byPayloadType.get(payloadType);
        return count == null ? 0 : count.get();
    }

    /** Packets per payload type, in payload type order. */
    public Map<Integer, Long> packetsByPayloadType() {
        Map<Integer, Long> copy = new TreeMap<>();
        byPayloadType.forEach((pt, count) -> copy.put(pt, count.get()));
        return copy;
    }

    public long bytes() {
        return bytes.get();
    }

    /** Packets sent back in {@link Mode#ECHO}. */
    public long echoed() {
        return echoed.get();
    }

    /** Datagrams that were not RTP. */
    public long notRtp() {
        return notRtp.get();
    }

    public Set<Long> ssrcs() {
        return Set.copyOf(ssrcs);
    }

    public Optional<SocketAddress> lastSource() {
        return Optional.ofNullable(lastSource.get());
    }

    /**
     * RFC 4733 digits received, in order ("0"-"9", "*", "#", "A"-"D", other events as "[n]"): a new event
     * starts with a new RTP timestamp, or with a non-end packet after an end packet.
     */
    public String digits() {
        synchronized (digits) {
            return digits.toString();
        }
    }

    /** Waits until at least {@code count} RTP packets arrived; false on timeout. */
    public boolean awaitPackets(long count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (packets.get() < count) {
            if (System.nanoTime() - deadline > 0) return false;
            sleep(20);
        }
        return true;
    }

    /** Waits until the received digits are at least {@code expected} long; returns what arrived. */
    public String awaitDigits(int length, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (digits().length() < length && System.nanoTime() - deadline < 0) {
            sleep(20);
        }
        return digits();
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
    }

    @Override
    public String toString() {
        return "RtpEndpoint[" + mode + " 127.0.0.1:" + port() + ", packets=" + packets + " " + packetsByPayloadType()
                + ", ssrcs=" + ssrcs.size() + ", digits=" + digits() + ", echoed=" + echoed + ", notRtp=" + notRtp + "]";
    }

    private void receiveLoop() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                count(buffer, packet.getLength(), packet.getSocketAddress());
                if (mode == Mode.ECHO) {
                    socket.send(new DatagramPacket(buffer, packet.getLength(), packet.getSocketAddress()));
                    echoed.incrementAndGet();
                }
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                if (!closed) LOG.log(System.Logger.Level.WARNING, "RTP endpoint " + port() + " stopped", e);
                return;
            }
        }
    }

    private void count(byte[] data, int length, SocketAddress source) {
        if (length < 12 || (data[0] & 0xC0) != 0x80) {
            notRtp.incrementAndGet();
            return;
        }
        int payloadType = data[1] & 0x7F;
        packets.incrementAndGet();
        bytes.addAndGet(length);
        byPayloadType.computeIfAbsent(payloadType, pt -> new AtomicLong()).incrementAndGet();
        ssrcs.add(readUnsigned(data, 8));
        lastSource.set(source);
        int headerLength = 12 + 4 * (data[0] & 0x0F);
        if (eventPayloadTypes.contains(payloadType) && length >= headerLength + 4) {
            event(readUnsigned(data, 4), data[headerLength] & 0xFF, (data[headerLength + 1] & 0x80) != 0);
        }
    }

    private void event(long timestamp, int event, boolean end) {
        synchronized (digits) {
            boolean fresh = timestamp != lastEventTimestamp || (lastEventEnded && !end);
            if (fresh) digits.append(eventName(event));
            lastEventTimestamp = timestamp;
            lastEventEnded = end;
        }
    }

    private static String eventName(int event) {
        if (event <= 9) return Integer.toString(event);
        return switch (event) {
            case 10 -> "*";
            case 11 -> "#";
            case 12, 13, 14, 15 -> String.valueOf((char) ('A' + event - 12));
            default -> "[" + event + "]";
        };
    }

    private static long readUnsigned(byte[] data, int offset) {
        return ((data[offset] & 0xFFL) << 24) | ((data[offset + 1] & 0xFFL) << 16)
                | ((data[offset + 2] & 0xFFL) << 8) | (data[offset + 3] & 0xFFL);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
