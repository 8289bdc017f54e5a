package io.callisto.gateway.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.gateway.media.rtp.UdpPeer.Datagram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 200 calls on two loops at once, relaying both ways at a modest rate, without loss. */
class ManyBridgesTest {

    private static final int CALLS = 200;
    private static final int ROUNDS = 10;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final RelayEngine engine = new RelayEngine(
            RelayConfig.of(UdpPeer.LOOPBACK, new PortRange(26000, 27999)).withIoThreads(2));
    private final List<UdpPeer> peers = new ArrayList<>();

    @AfterEach
    void tearDown() {
        engine.close();
        peers.forEach(UdpPeer::close);
    }

    private UdpPeer peer() {
        UdpPeer peer = new UdpPeer();
        peers.add(peer);
        return peer;
    }

    @Test
    void relaysEveryPacketOfEveryCall() {
        List<RtpBridge> bridges = new ArrayList<>();
        List<UdpPeer> callers = new ArrayList<>();
        List<UdpPeer> agents = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            UdpPeer caller = peer();
            UdpPeer agent = peer();
            callers.add(caller);
            agents.add(agent);
            bridges.add(engine.open(caller.endpoint(), agent.endpoint()));
        }
        assertThat(engine.activeBridges()).hasSize(CALLS);
        assertThat(engine.ports().used()).isEqualTo(2 * CALLS);

        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < CALLS; i++) {
                // the call's index in the payload proves no packet crosses into another call
                RtpBridge bridge = bridges.get(i);
                callers.get(i).send(Rtp.packet(0, round, 160 * round, 1000 + i, Rtp.audio(i)), bridge.leg(Side.A).rtpPort());
                agents.get(i).send(Rtp.packet(8, round, 160 * round, 5000 + i, Rtp.audio(i)), bridge.leg(Side.B).rtpPort());
            }
            for (int i = 0; i < CALLS; i++) {
                assertReceived(agents.get(i), 0, round, i, bridges.get(i).outgoingSsrc(Side.B));
                assertReceived(callers.get(i), 8, round, i, bridges.get(i).outgoingSsrc(Side.A));
            }
        }

        long relayed = 0;
        for (RtpBridge bridge : bridges) {
            relayed += bridge.leg(Side.A).stats().get(LegCounter.RTP_RECEIVED)
                    + bridge.leg(Side.B).stats().get(LegCounter.RTP_RECEIVED);
        }
        assertThat(relayed).isEqualTo(2L * CALLS * ROUNDS);
        bridges.forEach(RtpBridge::close);
        assertThat(engine.ports().used()).isZero();
        assertThat(engine.activeBridges()).isEmpty();
    }

    private static void assertReceived(UdpPeer peer, int payloadType, int round, int call, int ssrc) {
        Datagram got = peer.receive(WAIT).orElseThrow(() -> new AssertionError("call " + call + " lost round " + round));
        assertThat(RtpPacket.payloadType(got.buffer(), 0)).isEqualTo(payloadType);
        assertThat(RtpPacket.sequence(got.buffer(), 0)).isEqualTo(round);
        assertThat(RtpPacket.ssrc(got.buffer(), 0)).isEqualTo(ssrc);
        assertThat(got.data()[12]).isEqualTo((byte) call);
    }
}
