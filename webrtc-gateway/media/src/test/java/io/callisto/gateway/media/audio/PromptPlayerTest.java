package io.callisto.gateway.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.gateway.media.rtp.Await;
import io.callisto.gateway.media.rtp.LegCounter;
import io.callisto.gateway.media.rtp.PortRange;
import io.callisto.gateway.media.rtp.RelayConfig;
import io.callisto.gateway.media.rtp.RelayEngine;
import io.callisto.gateway.media.rtp.Rtp;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.RtpPacket;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.media.rtp.UdpPeer;
import io.callisto.gateway.media.rtp.UdpPeer.Datagram;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptPlayerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte AGENT_BYTE = 0x42;

    private final RelayEngine engine = new RelayEngine(RelayConfig.of(UdpPeer.LOOPBACK, new PortRange(29200, 29399)));
    private final UdpPeer caller = new UdpPeer();
    private final UdpPeer agent = new UdpPeer();
    private final RtpBridge bridge = engine.open(caller.endpoint(), agent.endpoint());
    private final WavPrompt ringback = RingbackTone.northAmerican(G711.Law.MU_LAW);

    @AfterEach
    void tearDown() {
        engine.close();
        caller.close();
        agent.close();
    }

    @Test
    void playsAboutFiftyPacketsPerSecondAsOneStreamUntilStopped() {
        long start = System.nanoTime();
        PromptPlayer player = PromptPlayer.loop(bridge, Side.A, ringback);
        List<Datagram> got = new ArrayList<>();
        long listenUntil = start + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < listenUntil) {
            caller.receive(Duration.ofMillis(100)).ifPresent(got::add);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        player.stop();

        assertThat(got.size()).as("packets in %.2f s", seconds).isBetween((int) (25 * seconds), (int) (75 * seconds) + 5);
        for (int i = 0; i < got.size(); i++) {
            ByteBuffer packet = got.get(i).buffer();
            assertThat(RtpPacket.payloadType(packet, 0)).isZero();
            assertThat(RtpPacket.ssrc(packet, 0)).isEqualTo(bridge.outgoingSsrc(Side.A));
            assertThat(got.get(i).data()).hasSize(172);
            assertThat(got.get(i).data()[12 + 7]).as("frame %d sample 7", i).isEqualTo(ringback.sample(i * 160 + 7));
            if (i > 0) {
                ByteBuffer previous = got.get(i - 1).buffer();
                assertThat(RtpPacket.sequence(packet, 0)).isEqualTo((RtpPacket.sequence(previous, 0) + 1) & 0xFFFF);
                assertThat(RtpPacket.timestamp(packet, 0) - RtpPacket.timestamp(previous, 0)).isEqualTo(160);
            }
        }
        assertThat(RtpPacket.marker(got.getFirst().buffer(), 0)).isTrue();
        assertThat(player.isPlaying()).isFalse();
        caller.drain(Duration.ofMillis(100)); // at most a packet that was in flight
        assertThat(caller.drain(Duration.ofMillis(300))).as("stopped").isEmpty();
        assertThat(player.packetsSent()).isGreaterThanOrEqualTo(got.size());
    }

    @Test
    void connectingStopsRingbackAndTheCallerHearsTheAgentInTheSameStream() {
        PromptPlayer player = PromptPlayer.loop(bridge, Side.A, ringback);
        assertThat(caller.receive(3, WAIT)).hasSize(3);
        agent.send(Rtp.packet(0, 1000, 0, 77, agentAudio()), bridge.leg(Side.B).rtpPort());
        // the agent's early audio is held back while ringback plays
        List<Datagram> whilePlaying = caller.receive(5, WAIT);
        assertThat(whilePlaying).noneMatch(PromptPlayerTest::isAgentAudio);

        bridge.connect();
        assertThat(player.isPlaying()).isFalse();
        agent.send(Rtp.packet(0, 1001, 160, 77, agentAudio()), bridge.leg(Side.B).rtpPort());

        Datagram lastPrompt = whilePlaying.getLast();
        Datagram firstAgent = null;
        while (firstAgent == null) {
            Datagram next = caller.receive(WAIT).orElseThrow(() -> new AssertionError("agent audio never arrived"));
            if (isAgentAudio(next)) {
                firstAgent = next;
            } else {
                lastPrompt = next;
            }
        }
        assertThat(RtpPacket.ssrc(firstAgent.buffer(), 0)).isEqualTo(RtpPacket.ssrc(lastPrompt.buffer(), 0));
        assertThat(RtpPacket.sequence(firstAgent.buffer(), 0))
                .isEqualTo((RtpPacket.sequence(lastPrompt.buffer(), 0) + 1) & 0xFFFF);
        assertThat(RtpPacket.marker(firstAgent.buffer(), 0)).isTrue();
        assertThat(RtpPacket.timestamp(firstAgent.buffer(), 0) - RtpPacket.timestamp(lastPrompt.buffer(), 0))
                .isGreaterThanOrEqualTo(160);
    }

    @Test
    void playsOnceAndFinishes() {
        WavPrompt beep = WavPrompt.fromLinear(new short[3 * 160], G711.Law.A_LAW);
        PromptPlayer player = PromptPlayer.once(bridge, Side.B, beep);

        List<Datagram> got = agent.receive(3, WAIT);
        Await.until(WAIT, "finished", () -> !player.isPlaying());

        assertThat(got).hasSize(3).allSatisfy(d -> assertThat(RtpPacket.payloadType(d.buffer(), 0)).isEqualTo(8));
        Optional<Datagram> more = agent.receive(Duration.ofMillis(300));
        assertThat(more).isEmpty();
        assertThat(player.packetsSent()).isEqualTo(3);
    }

    @Test
    void keepsPlayingWhileAFloodOfRtcpIsRelayedOnTheSameLoop() {
        PromptPlayer player = PromptPlayer.loop(bridge, Side.A, ringback);
        assertThat(caller.receive(2, WAIT)).hasSize(2);
        // Keeps the loop at its read budget, so frames come due right after relaying a short RTCP
        // packet: a frame must be written into the whole buffer, not the last packet's length.
        long before = player.packetsSent();
        long floodUntil = System.nanoTime() + Duration.ofMillis(400).toNanos();
        while (System.nanoTime() < floodUntil) {
            for (int i = 0; i < 50; i++) {
                agent.send(Rtp.receiverReport(77, 1), bridge.leg(Side.B).rtcpPort());
            }
            caller.drain(Duration.ZERO);
        }

        Await.until(WAIT, () -> "prompt continues, sent " + player.packetsSent(), () -> player.packetsSent() >= before + 25);
        assertThat(player.isPlaying()).isTrue();
        assertThat(bridge.leg(Side.A).stats().get(LegCounter.RTCP_SENT)).isGreaterThan(16);
        player.stop();
    }

    @Test
    void aNewPromptReplacesTheOneAlreadyPlaying() {
        PromptPlayer ringing = PromptPlayer.loop(bridge, Side.A, ringback);
        assertThat(caller.receive(2, WAIT)).hasSize(2);
        PromptPlayer hold = PromptPlayer.loop(bridge, Side.A, WavPrompt.fromLinear(new short[1600], G711.Law.MU_LAW));

        assertThat(ringing.isPlaying()).isFalse();
        assertThat(hold.isPlaying()).isTrue();
        Await.until(WAIT, "music on hold plays", () -> hold.packetsSent() >= 3);
        hold.stop();
    }

    private static byte[] agentAudio() {
        byte[] payload = new byte[160];
        Arrays.fill(payload, AGENT_BYTE);
        return payload;
    }

    private static boolean isAgentAudio(Datagram datagram) {
        byte[] data = datagram.data();
        for (int i = 12; i < data.length; i++) {
            if (data[i] != AGENT_BYTE) {
                return false;
            }
        }
        return true;
    }
}
