package io.callisto.gateway.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A leg whose media goes over a transport (a browser's SRTP) instead of its UDP ports, against a real UDP caller. */
class PacketTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int CALLER_SSRC = 0x0CA11E12;
    private static final int BROWSER_SSRC = 0x0B10B5E1;
    private static final InetSocketAddress BROWSER = new InetSocketAddress("127.0.0.1", 50_000);

    private final RelayEngine engine = new RelayEngine(
            RelayConfig.of(UdpPeer.LOOPBACK, new PortRange(25000, 25999)).withIoThreads(1));
    private final UdpPeer caller = new UdpPeer();
    private final UdpPeer phone = new UdpPeer();
    private final RtpBridge bridge = engine.open(caller.endpoint(), phone.endpoint());
    private final Recorded browser = new Recorded();

    /** What the relay handed the transport, copied out of the loop's buffer. */
    static final class Recorded implements PacketTransport {
        final List<byte[]> rtp = new CopyOnWriteArrayList<>();
        final List<byte[]> rtcp = new CopyOnWriteArrayList<>();

        @Override
        public boolean sendRtp(ByteBuffer buf, int len) {
            byte[] copy = new byte[len];
            buf.get(0, copy, 0, len);
            rtp.add(copy);
            return true;
        }

        @Override
        public boolean sendRtcp(ByteBuffer buf, int len) {
            byte[] copy = new byte[len];
            buf.get(0, copy, 0, len);
            rtcp.add(copy);
            return true;
        }
    }

    @AfterEach
    void tearDown() {
        engine.close();
        caller.close();
        phone.close();
    }

    private void fromCaller(int count) {
        for (int i = 0; i < count; i++) {
            caller.send(Rtp.packet(0, 100 + i, 1600 + 160 * i, CALLER_SSRC, Rtp.audio(i)), bridge.leg(Side.A).rtpPort());
        }
    }

    @Test
    void mediaGoesBothWaysOverTheTransportAndNotTheLegsPort() {
        LegInput input = bridge.attach(Side.B, browser, BROWSER);
        fromCaller(5);
        Await.until(WAIT, "5 packets to the browser", () -> browser.rtp.size() == 5);
        for (int i = 0; i < 5; i++) {
            byte[] packet = Rtp.packet(0, 7 + i, 160 * i, BROWSER_SSRC, Rtp.audio(0x40 + i));
            input.receive(packet, packet.length);
        }
        List<UdpPeer.Datagram> atCaller = caller.receive(5, WAIT);

        assertThat(browser.rtp).extracting(p -> RtpPacket.ssrc(ByteBuffer.wrap(p), 0))
                .containsOnly(bridge.outgoingSsrc(Side.B));
        assertThat(browser.rtp.get(2)[12]).as("payload untouched").isEqualTo((byte) 2);
        assertThat(atCaller).hasSize(5);
        assertThat(atCaller).extracting(d -> RtpPacket.ssrc(d.buffer(), 0)).containsOnly(bridge.outgoingSsrc(Side.A));
        assertThat(phone.drain(Duration.ofMillis(300))).as("the leg's own port sends nothing").isEmpty();
        assertThat(bridge.leg(Side.B).stats().get(LegCounter.RTP_SENT)).isEqualTo(5);
        assertThat(bridge.leg(Side.B).stats().get(LegCounter.RTP_RECEIVED)).isEqualTo(5);
        assertThat(bridge.leg(Side.B).transport()).contains(browser);
    }

    @Test
    void rtcpFromTheCallerIsMuxedToTheTransportAndTheBrowsersReachesTheCaller() {
        LegInput input = bridge.attach(Side.B, browser, BROWSER);
        fromCaller(1);
        Await.until(WAIT, "the browser's first packet", () -> browser.rtp.size() == 1);
        caller.send(Rtp.senderReport(CALLER_SSRC, 1600, 0), bridge.leg(Side.A).rtcpPort());
        Await.until(WAIT, "an RTCP packet to the browser", () -> browser.rtcp.size() == 1);
        byte[] report = Rtp.receiverReport(BROWSER_SSRC, bridge.outgoingSsrc(Side.B));
        input.receive(report, report.length);
        Await.until(WAIT, "the browser's report relayed to the caller",
                () -> bridge.leg(Side.A).stats().get(LegCounter.RTCP_SENT) == 1);
        assertThat(bridge.leg(Side.B).stats().get(LegCounter.RTCP_SENT)).isEqualTo(1);
        assertThat(bridge.leg(Side.B).stats().get(LegCounter.RTCP_RECEIVED)).isEqualTo(1);
    }

    @Test
    void aMutedLegIsHeardButNotPassedOn() {
        LegInput input = bridge.attach(Side.B, browser, BROWSER);
        bridge.leg(Side.B).setMuted(true);
        byte[] packet = Rtp.packet(0, 7, 160, BROWSER_SSRC, Rtp.audio(1));
        input.receive(packet, packet.length);
        Await.until(WAIT, "the muted packet counted",
                () -> bridge.leg(Side.B).stats().get(LegCounter.DROPPED_DIRECTION) == 1);
        assertThat(caller.drain(Duration.ofMillis(300))).isEmpty();
        assertThat(bridge.leg(Side.B).stats().get(LegCounter.RTP_RECEIVED)).as("it still keeps the leg alive").isEqualTo(1);

        bridge.leg(Side.B).setMuted(false);
        byte[] next = Rtp.packet(0, 8, 320, BROWSER_SSRC, Rtp.audio(2));
        input.receive(next, next.length);
        assertThat(caller.receive(WAIT)).isPresent();
    }

    @Test
    void aReplacedOrDetachedTransportsInputIsIgnoredAndTheLegsPortIsUsedAgain() {
        LegInput first = bridge.attach(Side.B, browser, BROWSER);
        Recorded second = new Recorded();
        LegInput current = bridge.attach(Side.B, second, new InetSocketAddress("127.0.0.1", 50_002));
        byte[] stale = Rtp.packet(0, 7, 160, BROWSER_SSRC, Rtp.audio(1));
        first.receive(stale, stale.length);
        byte[] fresh = Rtp.packet(0, 8, 320, BROWSER_SSRC, Rtp.audio(2));
        current.receive(fresh, fresh.length);
        List<UdpPeer.Datagram> atCaller = caller.receive(1, WAIT);
        assertThat(atCaller).hasSize(1);
        assertThat(atCaller.getFirst().data()[12]).as("only the current browser's packet").isEqualTo((byte) 2);
        assertThat(caller.drain(Duration.ofMillis(300))).isEmpty();
        fromCaller(1);
        Await.until(WAIT, "the new transport's packet", () -> second.rtp.size() == 1);
        assertThat(browser.rtp).isEmpty();

        bridge.detach(Side.B, second);
        bridge.leg(Side.B).setRemote(phone.endpoint());
        caller.send(Rtp.packet(0, 200, 99_000, CALLER_SSRC, Rtp.audio(9)), bridge.leg(Side.A).rtpPort());
        assertThat(phone.receive(WAIT)).as("back on the leg's UDP port").isPresent();
        assertThat(second.rtp).hasSize(1);
    }

    @Test
    void oversizedOrEmptyInjectedPacketsAreCountedAsMalformed() {
        LegInput input = bridge.attach(Side.B, browser, BROWSER);
        input.receive(new byte[4096], 4096);
        input.receive(new byte[3], 3);
        Await.until(WAIT, "two malformed", () -> bridge.leg(Side.B).stats().get(LegCounter.DROPPED_MALFORMED) == 2);
        assertThat(caller.drain(Duration.ofMillis(200))).isEmpty();
    }
}
