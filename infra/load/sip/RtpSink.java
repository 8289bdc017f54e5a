import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The carrier's RTP port for the SIP benchmark (infra/load/sip): binds 127.0.0.1:port, where the carrier
 * scenario's SDP points (sipp's pcap play sends from that port through a raw socket and binds nothing), and
 * counts what the far end sends back. A packet whose payload is one of the pcap's payloads is an echo: the
 * carrier's audio went through the relay to the agent phone, which echoed it, and back through the relay. Any
 * other RTP (ringback, prompts) is counted apart. Once a second the counters go to the stats file (replaced
 * atomically): "millis packets echoes other bytes notRtp".
 *
 * <p>Standalone on purpose (compiled with javac by sip-bench.sh, no Maven module): {@code java RtpSink
 * <port> <g711a.pcap> <stats file>}. One thread, one direct buffer, no allocation per packet.
 */
public final class RtpSink {
    private RtpSink() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java RtpSink <port> <pcap> <stats file>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Set<Long> payloads = pcapPayloads(Path.of(args[1]));
        Path stats = Path.of(args[2]);
        Path tmp = Path.of(args[2] + ".tmp");
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20);
            channel.bind(new InetSocketAddress("127.0.0.1", port));
            System.out.println("RtpSink on 127.0.0.1:" + port + ", " + payloads.size() + " distinct pcap payloads, "
                    + "SO_RCVBUF " + channel.getOption(StandardSocketOptions.SO_RCVBUF));
            channel.configureBlocking(false);
            ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
            byte[] bytes = new byte[2048];
            long packets = 0;
            long echoes = 0;
            long other = 0;
            long octets = 0;
            long notRtp = 0;
            long nextWrite = 0;
            java.nio.channels.Selector selector = java.nio.channels.Selector.open();
            channel.register(selector, java.nio.channels.SelectionKey.OP_READ);
            while (true) {
                long now = System.currentTimeMillis();
                if (now >= nextWrite) {
                    String line = now + " " + packets + " " + echoes + " " + other + " " + octets + " " + notRtp + "\n";
                    Files.writeString(tmp, line, StandardCharsets.US_ASCII);
                    Files.move(tmp, stats, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    nextWrite = now + 1000;
                }
                selector.select(200);
                selector.selectedKeys().clear();
                while (true) {
                    buffer.clear();
                    if (channel.receive(buffer) == null) {
                        break;
                    }
                    int length = buffer.position();
                    buffer.flip();
                    if (length < 12 || (buffer.get(0) & 0xC0) != 0x80) {
                        notRtp++;
                        continue;
                    }
                    packets++;
                    octets += length;
                    int header = 12 + 4 * (buffer.get(0) & 0x0F);
                    if (length > header) {
                        buffer.position(header);
                        int n = length - header;
                        buffer.get(bytes, 0, n);
                        if (payloads.contains(fnv(bytes, 0, n))) {
                            echoes++;
                        } else {
                            other++;
                        }
                    } else {
                        other++;
                    }
                }
            }
        }
    }

    /** FNV-1a hashes of the RTP payloads in a pcap (Ethernet, IPv4, UDP, RTP; little- or big-endian file). */
    static Set<Long> pcapPayloads(Path pcap) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(pcap));
        int magic = file.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            file.order(ByteOrder.BIG_ENDIAN);
        }
        int linkType = file.getInt(20);
        int link = linkType == 1 ? 14 : linkType == 113 ? 16 : 0;
        Set<Long> hashes = new HashSet<>();
        int offset = 24;
        while (offset + 16 <= file.limit()) {
            int captured = file.getInt(offset + 8);
            int packet = offset + 16;
            int ip = packet + link;
            int ipHeader = (file.get(ip) & 0x0F) * 4;
            int rtp = ip + ipHeader + 8;
            int rtpHeader = 12 + 4 * (file.get(rtp) & 0x0F);
            int payload = rtp + rtpHeader;
            int end = packet + captured;
            if (payload < end) {
                byte[] bytes = new byte[end - payload];
                file.get(payload, bytes);
                hashes.add(fnv(bytes, 0, bytes.length));
            }
            offset = end;
        }
        return hashes;
    }

    static long fnv(byte[] data, int from, int length) {
        long hash = 0xcbf29ce484222325L;
        for (int i = from; i < from + length; i++) {
            hash ^= data[i] & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
