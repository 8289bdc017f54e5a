package io.callisto.gateway.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A browser's transport moved from the customer's bridge to a consultation's and back, as an attended transfer from
 * the softphone does: it hears one RTP stream throughout (same SSRC, sequence numbers going on), and what it sends
 * reaches only the peer of the bridge it is on.
 */
class BridgeMoveTest {
    private static final int CALLER_SSRC = 0x0CA11E12;
    private static final int COLLEAGUE_SSRC = 0x0C011EA6;
    private static final int BROWSER_SSRC = 0x0B0B0B0B;

    private final RelayEngine engine = new RelayEngine(
            RelayConfig.of(UdpPeer.LOOPBACK, new PortRange(27000, 27999)).withIoThreads(1));
    private final UdpPeer caller = new UdpPeer();
    private final UdpPeer unused = new UdpPeer();
    private final UdpPeer colleague = new UdpPeer();
    private final RtpBridge customer = engine.open(caller.endpoint(), unused.endpoint());
    private final RtpBridge consultation = engine.open(unused.endpoint(), colleague.endpoint());
    private final Browser browser = new Browser();

    @AfterEach
    void tearDown() {
        engine.close();
        caller.close();
        unused.close();
        colleague.close();
    }

    @Test
    void theBrowserHearsOneStreamWhereverItIs() throws Exception {
        InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 50_000);
        LegInput onCustomer = customer.attach(Side.B, browser, peer);
        int ssrc = customer.outgoingSsrc(Side.B);
        customer.connect();
        for (int i = 0; i < 3; i++) {
            caller.send(Rtp.packet(0, 100 + i, 1600 + 160 * i, CALLER_SSRC, Rtp.audio(i)), customer.leg(Side.A).rtpPort());
        }
        List<ByteBuffer> heard = browser.take(3);

        LegInput onConsultation = consultation.attach(Side.A, browser, peer,
                customer.detachContinuing(Side.B, browser));
        consultation.connect();
        for (int i = 0; i < 3; i++) {
            colleague.send(Rtp.packet(0, 900 + i, 160 * i, COLLEAGUE_SSRC, Rtp.audio(0x40 + i)),
                    consultation.leg(Side.B).rtpPort());
        }
        heard.addAll(browser.take(3));
        onConsultation.receive(Rtp.packet(0, 7, 700, BROWSER_SSRC, Rtp.audio(0x20)), 172);
        assertThat(colleague.receive(1, java.time.Duration.ofSeconds(10))).hasSize(1);
        onCustomer.receive(Rtp.packet(0, 8, 860, BROWSER_SSRC, Rtp.audio(0x21)), 172);
        assertThat(caller.drain(java.time.Duration.ofMillis(300))).as("the old bridge's input is cut off").isEmpty();

        LegInput back = customer.attach(Side.B, browser, peer, consultation.detachContinuing(Side.A, browser));
        caller.send(Rtp.packet(0, 103, 1600 + 480, CALLER_SSRC, Rtp.audio(3)), customer.leg(Side.A).rtpPort());
        heard.addAll(browser.take(1));
        back.receive(Rtp.packet(0, 9, 1020, BROWSER_SSRC, Rtp.audio(0x22)), 172);
        assertThat(caller.receive(1, java.time.Duration.ofSeconds(10))).hasSize(1);

        assertThat(heard).extracting(b -> RtpPacket.ssrc(b, 0)).containsOnly(ssrc);
        List<Integer> sequences = heard.stream().map(b -> RtpPacket.sequence(b, 0)).toList();
        for (int i = 1; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("packet %d follows the one before", i)
                    .isEqualTo((sequences.get(i - 1) + 1) & 0xFFFF);
        }
        assertThat(heard.get(3).get(12)).as("the colleague's audio").isEqualTo((byte) 0x40);
        assertThat(RtpPacket.marker(heard.get(3), 0)).isTrue();
        assertThat(RtpPacket.marker(heard.get(6), 0)).isTrue();
    }

    /** A browser's transport that keeps what the bridge sends it. */
    private static final class Browser implements PacketTransport {
        private final BlockingQueue<ByteBuffer> received = new LinkedBlockingQueue<>();

        @Override
        public boolean sendRtp(ByteBuffer buf, int len) {
            byte[] copy = new byte[len];
            buf.get(0, copy, 0, len);
            received.add(ByteBuffer.wrap(copy));
            return true;
        }

        @Override
        public boolean sendRtcp(ByteBuffer buf, int len) {
            return true;
        }

        List<ByteBuffer> take(int count) throws InterruptedException {
            List<ByteBuffer> packets = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                ByteBuffer packet = received.poll(10, TimeUnit.SECONDS);
                assertThat(packet).as("packet %d", i).isNotNull();
                packets.add(packet);
            }
            return packets;
        }
    }
}
