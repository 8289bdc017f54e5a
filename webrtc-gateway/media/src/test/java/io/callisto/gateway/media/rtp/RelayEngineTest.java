package io.callisto.gateway.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.gateway.media.rtp.UdpPeer.Datagram;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A caller and an agent, both real UDP sockets on 127.0.0.1, talking through a bridge. */
class RelayEngineTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration QUIET = Duration.ofMillis(300);
    private static final int CALLER_SSRC = 0x0CA11E12;
    private static final int AGENT_SSRC = 0x0A6E1700;

    private final RelayEngine engine = new RelayEngine(
            RelayConfig.of(UdpPeer.LOOPBACK, new PortRange(24000, 24999)).withIoThreads(2));
    private final UdpPeer caller = new UdpPeer();
    private final UdpPeer agent = new UdpPeer();
    private final RtpBridge bridge = engine.open(caller.endpoint(), agent.endpoint());

    @AfterEach
    void tearDown() {
        engine.close();
        caller.close();
        agent.close();
    }

    private int portA() {
        return bridge.leg(Side.A).rtpPort();
    }

    private int portB() {
        return bridge.leg(Side.B).rtpPort();
    }

    private static Datagram one(UdpPeer peer) {
        return peer.receive(WAIT).orElseThrow(() -> new AssertionError("nothing received"));
    }

    private void awaitCounter(Side side, LegCounter counter, long value) {
        LegStats stats = bridge.leg(side).stats();
        Await.until(WAIT, () -> side + " " + counter + " = " + value + ", is " + stats.get(counter),
                () -> stats.get(counter) == value);
    }

    @Test
    void relaysBothWaysFromTheLegsOwnPortsAndCounts() {
        for (int i = 0; i < 5; i++) {
            caller.send(Rtp.packet(0, 100 + i, 1600 + 160 * i, CALLER_SSRC, Rtp.audio(i)), portA());
        }
        List<Datagram> atAgent = agent.receive(5, WAIT);
        for (int i = 0; i < 5; i++) {
            agent.send(Rtp.packet(0, 7 + i, 160 * i, AGENT_SSRC, Rtp.audio(0x40 + i)), portB());
        }
        List<Datagram> atCaller = caller.receive(5, WAIT);

        assertThat(atAgent).hasSize(5);
        assertThat(atAgent).allSatisfy(d -> assertThat(d.source().getPort()).isEqualTo(portB()));
        assertThat(atAgent).extracting(d -> RtpPacket.sequence(d.buffer(), 0)).containsExactly(100, 101, 102, 103, 104);
        assertThat(atAgent).extracting(d -> RtpPacket.ssrc(d.buffer(), 0)).containsOnly(bridge.outgoingSsrc(Side.B));
        assertThat(atAgent.get(3).data()[12]).as("payload untouched").isEqualTo((byte) 3);
        assertThat(atCaller).hasSize(5);
        assertThat(atCaller).allSatisfy(d -> assertThat(d.source().getPort()).isEqualTo(portA()));
        assertThat(atCaller).extracting(d -> RtpPacket.ssrc(d.buffer(), 0)).containsOnly(bridge.outgoingSsrc(Side.A));
        assertThat(bridge.outgoingSsrc(Side.A)).isNotEqualTo(bridge.outgoingSsrc(Side.B));

        awaitCounter(Side.A, LegCounter.RTP_SENT, 5);
        LegStats a = bridge.leg(Side.A).stats();
        LegStats b = bridge.leg(Side.B).stats();
        assertThat(a.get(LegCounter.RTP_RECEIVED)).isEqualTo(5);
        assertThat(a.get(LegCounter.RTP_RECEIVED_BYTES)).isEqualTo(5 * 172);
        assertThat(b.get(LegCounter.RTP_SENT)).isEqualTo(5);
        assertThat(b.get(LegCounter.RTP_SENT_BYTES)).isEqualTo(5 * 172);
        assertThat(b.get(LegCounter.RTP_RECEIVED)).isEqualTo(5);
        assertThat(a.get(LegCounter.RTP_SENT_BYTES)).isEqualTo(5 * 172);
        assertThat(a.get(LegCounter.DROPPED_FOREIGN_SOURCE) + a.get(LegCounter.DROPPED_MALFORMED)).isZero();
        assertThat(bridge.leg(Side.A).lastPacketNanos()).isGreaterThan(0);
    }

    @Test
    void latchesToTheRealSourceWhenItDiffersFromTheSdpPort() {
        try (UdpPeer behindNat = new UdpPeer()) {
            // before the caller sends anything, the agent's audio goes to the caller's SDP address
            agent.send(Rtp.packet(0, 1, 0, AGENT_SSRC, Rtp.audio(1)), portB());
            assertThat(RtpPacket.sequence(one(caller).buffer(), 0)).isEqualTo(1);

            // the caller's packets really come from another port (NAT); it gets latched
            behindNat.send(Rtp.packet(0, 50, 0, CALLER_SSRC, Rtp.audio(2)), portA());
            assertThat(RtpPacket.sequence(one(agent).buffer(), 0)).isEqualTo(50);
            agent.send(Rtp.packet(0, 2, 160, AGENT_SSRC, Rtp.audio(1)), portB());

            Datagram atNat = one(behindNat);
            assertThat(RtpPacket.sequence(atNat.buffer(), 0)).isEqualTo(2);
            assertThat(atNat.source().getPort()).isEqualTo(portA());
            assertThat(caller.drain(QUIET)).as("nothing goes to the SDP port any more").isEmpty();
            assertThat(bridge.leg(Side.A).latchedRtpSource()).contains(behindNat.address());
            assertThat(bridge.leg(Side.A).rtpDestination()).contains(behindNat.address());
        }
    }

    @Test
    void dropsAndCountsAForeignSourceAfterLatching() {
        caller.send(Rtp.packet(0, 1, 0, CALLER_SSRC, Rtp.audio(1)), portA());
        one(agent);
        try (UdpPeer attacker = new UdpPeer()) {
            for (int i = 0; i < RelayConfig.DEFAULT_RELATCH_THRESHOLD - 1; i++) {
                attacker.send(Rtp.packet(0, 900 + i, 0, 0x66666666, Rtp.audio(9)), portA());
            }
            awaitCounter(Side.A, LegCounter.DROPPED_FOREIGN_SOURCE, RelayConfig.DEFAULT_RELATCH_THRESHOLD - 1);
            caller.send(Rtp.packet(0, 2, 160, CALLER_SSRC, Rtp.audio(1)), portA());

            List<Datagram> atAgent = agent.drain(QUIET);
            assertThat(atAgent).extracting(d -> RtpPacket.sequence(d.buffer(), 0)).containsExactly(2);
            assertThat(bridge.leg(Side.A).latchedRtpSource()).contains(caller.address());
            assertThat(bridge.leg(Side.A).stats().get(LegCounter.RTP_RECEIVED)).isEqualTo(2);
        }
    }

    @Test
    void relatchesToASourceThatKeepsSending() {
        caller.send(Rtp.packet(0, 1, 0, CALLER_SSRC, Rtp.audio(1)), portA());
        one(agent);
        try (UdpPeer moved = new UdpPeer()) {
            for (int i = 0; i < RelayConfig.DEFAULT_RELATCH_THRESHOLD; i++) {
                moved.send(Rtp.packet(0, 2 + i, 160 * (i + 1), CALLER_SSRC, Rtp.audio(1)), portA());
            }
            Datagram first = one(agent);
            assertThat(RtpPacket.sequence(first.buffer(), 0)).as("the packet that completed the run is relayed")
                    .isEqualTo(1 + RelayConfig.DEFAULT_RELATCH_THRESHOLD);
            assertThat(bridge.leg(Side.A).latchedRtpSource()).contains(moved.address());
            agent.send(Rtp.packet(0, 1, 0, AGENT_SSRC, Rtp.audio(3)), portB());
            assertThat(one(moved).source().getPort()).isEqualTo(portA());
        }
    }

    @Test
    void holdStopsForwardingAndUnholdResumesWithoutASequenceGap() {
        for (int i = 0; i < 3; i++) {
            caller.send(Rtp.packet(0, 100 + i, 160 * i, CALLER_SSRC, Rtp.audio(1)), portA());
        }
        assertThat(agent.receive(3, WAIT)).hasSize(3);

        bridge.leg(Side.A).setDirection(MediaDirection.INACTIVE);
        for (int i = 3; i < 13; i++) {
            caller.send(Rtp.packet(0, 100 + i, 160 * i, CALLER_SSRC, Rtp.audio(1)), portA());
        }
        agent.send(Rtp.packet(0, 1, 0, AGENT_SSRC, Rtp.audio(2)), portB());
        awaitCounter(Side.A, LegCounter.DROPPED_DIRECTION, 10);
        awaitCounter(Side.B, LegCounter.DROPPED_DIRECTION, 1);
        assertThat(agent.drain(QUIET)).as("held: nothing forwarded to the agent").isEmpty();
        assertThat(caller.drain(Duration.ofMillis(50))).as("held: nothing to the caller").isEmpty();

        bridge.leg(Side.A).setDirection(MediaDirection.SENDRECV);
        caller.send(Rtp.packet(0, 113, 160 * 13, CALLER_SSRC, Rtp.audio(1)), portA());
        caller.send(Rtp.packet(0, 114, 160 * 14, CALLER_SSRC, Rtp.audio(1)), portA());

        List<Datagram> resumed = agent.receive(2, WAIT);
        assertThat(resumed).extracting(d -> RtpPacket.sequence(d.buffer(), 0)).containsExactly(103, 104);
        assertThat(RtpPacket.marker(resumed.get(0).buffer(), 0)).isTrue();
        assertThat(RtpPacket.ssrc(resumed.get(0).buffer(), 0)).isEqualTo(bridge.outgoingSsrc(Side.B));
    }

    @Test
    void agentSeesOneContinuousStreamWhenTheCallerSideSwitchesPhones() {
        for (int i = 0; i < 3; i++) {
            caller.send(Rtp.packet(0, 500 + i, 4000 + 160 * i, CALLER_SSRC, Rtp.audio(1)), portA());
        }
        List<Datagram> before = agent.receive(3, WAIT);
        try (UdpPeer newPhone = new UdpPeer()) {
            bridge.leg(Side.A).setRemote(newPhone.endpoint()); // re-INVITE after a transfer
            newPhone.send(Rtp.packet(0, 40000, 123456789, 0x0E11E11E, Rtp.audio(7)), portA());
            newPhone.send(Rtp.packet(0, 40001, 123456789 + 160, 0x0E11E11E, Rtp.audio(7)), portA());
            List<Datagram> after = agent.receive(2, WAIT);

            assertThat(before).extracting(d -> RtpPacket.sequence(d.buffer(), 0)).containsExactly(500, 501, 502);
            assertThat(after).extracting(d -> RtpPacket.sequence(d.buffer(), 0)).containsExactly(503, 504);
            assertThat(after).extracting(d -> RtpPacket.ssrc(d.buffer(), 0)).containsOnly(bridge.outgoingSsrc(Side.B));
            assertThat(RtpPacket.marker(after.get(0).buffer(), 0)).isTrue();
            long lastTs = RtpPacket.timestamp(before.get(2).buffer(), 0) & 0xFFFFFFFFL;
            long switchedTs = RtpPacket.timestamp(after.get(0).buffer(), 0) & 0xFFFFFFFFL;
            assertThat(switchedTs - lastTs).as("advances by the elapsed time, at least a frame").isBetween(160L, 8000L * 30);
            assertThat(after.get(0).data()[12]).isEqualTo((byte) 7);
        }
    }

    @Test
    void telephoneEventsAreRenumberedAndCountedPerEvent() {
        bridge.setPayloadMap(Side.A, PayloadMap.builder().audio(0).telephoneEvent(101, 96).build());
        bridge.setPayloadMap(Side.B, PayloadMap.builder().audio(0).telephoneEvent(96, 101).build());
        caller.send(Rtp.packet(0, 10, 1600, CALLER_SSRC, Rtp.audio(1)), portA());
        caller.send(Rtp.packet(true, 101, 11, 1760, CALLER_SSRC, Rtp.dtmf(5, false, 160)), portA());
        caller.send(Rtp.packet(101, 12, 1760, CALLER_SSRC, Rtp.dtmf(5, false, 320)), portA());
        caller.send(Rtp.packet(101, 13, 1760, CALLER_SSRC, Rtp.dtmf(5, true, 480)), portA());
        caller.send(Rtp.packet(101, 14, 1760, CALLER_SSRC, Rtp.dtmf(5, true, 480)), portA());
        caller.send(Rtp.packet(18, 15, 1920, CALLER_SSRC, new byte[20]), portA()); // G.729: not negotiated
        caller.send(Rtp.packet(true, 101, 16, 2400, CALLER_SSRC, Rtp.dtmf(11, true, 160)), portA());

        List<Datagram> atAgent = agent.receive(6, WAIT);
        assertThat(atAgent).extracting(d -> RtpPacket.payloadType(d.buffer(), 0)).containsExactly(0, 96, 96, 96, 96, 96);
        assertThat(atAgent.subList(1, 5)).extracting(d -> RtpPacket.timestamp(d.buffer(), 0)).containsOnly(1760);
        assertThat(atAgent.get(3).data()).endsWith(Rtp.dtmf(5, true, 480));
        assertThat(agent.drain(QUIET)).isEmpty();
        awaitCounter(Side.A, LegCounter.DROPPED_PAYLOAD_TYPE, 1);
        assertThat(bridge.leg(Side.A).stats().get(LegCounter.TELEPHONE_EVENTS)).isEqualTo(2);

        agent.send(Rtp.packet(true, 96, 1, 0, AGENT_SSRC, Rtp.dtmf(1, false, 160)), portB());
        assertThat(RtpPacket.payloadType(one(caller).buffer(), 0)).isEqualTo(101);
    }

    @Test
    void rtcpIsRelayedBetweenTheRtcpPortsWithRewrittenSsrcs() {
        try (UdpPeer callerRtcp = new UdpPeer(); UdpPeer agentRtcp = new UdpPeer()) {
            bridge.leg(Side.A).setRemote(new MediaEndpoint(caller.address(), callerRtcp.address(), false));
            bridge.leg(Side.B).setRemote(new MediaEndpoint(agent.address(), agentRtcp.address(), false));
            caller.send(Rtp.packet(0, 1, 8000, CALLER_SSRC, Rtp.audio(1)), portA());
            agent.send(Rtp.packet(0, 1, 0, AGENT_SSRC, Rtp.audio(1)), portB());
            one(agent);
            one(caller);

            callerRtcp.send(Rtp.senderReport(CALLER_SSRC, 8000, bridge.outgoingSsrc(Side.A)),
                    bridge.leg(Side.A).rtcpPort());
            Datagram sr = one(agentRtcp);
            assertThat(sr.source().getPort()).isEqualTo(bridge.leg(Side.B).rtcpPort());
            assertThat(sr.buffer().get(1) & 0xFF).isEqualTo(RtcpPacket.SR);
            assertThat(sr.buffer().getInt(4)).isEqualTo(bridge.outgoingSsrc(Side.B));
            assertThat(sr.buffer().getInt(28)).as("report block about the agent's own SSRC").isEqualTo(AGENT_SSRC);

            agentRtcp.send(Rtp.receiverReport(AGENT_SSRC, bridge.outgoingSsrc(Side.B)), bridge.leg(Side.B).rtcpPort());
            Datagram rr = one(callerRtcp);
            assertThat(rr.buffer().getInt(4)).isEqualTo(bridge.outgoingSsrc(Side.A));
            assertThat(rr.buffer().getInt(8)).isEqualTo(CALLER_SSRC);
            assertThat(bridge.leg(Side.A).latchedRtcpSource()).contains(callerRtcp.address());
            awaitCounter(Side.A, LegCounter.RTCP_SENT, 1);
            assertThat(bridge.leg(Side.B).stats().get(LegCounter.RTCP_SENT)).isEqualTo(1);
            assertThat(bridge.leg(Side.A).stats().get(LegCounter.RTCP_RECEIVED)).isEqualTo(1);
        }
    }

    @Test
    void muxedRtcpTravelsOnTheRtpPorts() {
        bridge.leg(Side.B).setRemote(MediaEndpoint.muxed(agent.address()));
        caller.send(Rtp.receiverReport(CALLER_SSRC, 1), bridge.leg(Side.A).rtcpPort());

        Datagram rr = one(agent);
        assertThat(rr.source().getPort()).isEqualTo(portB());
        assertThat(rr.buffer().get(1) & 0xFF).isEqualTo(RtcpPacket.RR);

        agent.send(Rtp.receiverReport(AGENT_SSRC, 1), portB()); // RTCP on the RTP port
        assertThat(one(caller).buffer().getInt(4)).isEqualTo(bridge.outgoingSsrc(Side.A));
        awaitCounter(Side.B, LegCounter.RTCP_RECEIVED, 1);
        assertThat(bridge.leg(Side.B).stats().get(LegCounter.RTP_RECEIVED)).isZero();
    }

    @Test
    void aFailingTapIsDetachedAndTheAudioStillFlows() {
        List<Integer> tapped = new CopyOnWriteArrayList<>();
        bridge.setTap((from, pt, ssrc, ts, nanos, packet, offset, length) -> {
            tapped.add(length);
            throw new IllegalStateException("disk full");
        });
        caller.send(Rtp.packet(0, 1, 0, CALLER_SSRC, Rtp.audio(1)), portA());
        caller.send(Rtp.packet(0, 2, 160, CALLER_SSRC, Rtp.audio(1)), portA());

        assertThat(agent.receive(2, WAIT)).extracting(d -> RtpPacket.sequence(d.buffer(), 0)).containsExactly(1, 2);
        assertThat(tapped).containsExactly(160);
    }

    @Test
    void malformedPacketsAreDroppedAndCounted() {
        caller.send(new byte[] {1, 2, 3, 4, 5}, portA());
        byte[] version1 = Rtp.packet(0, 1, 0, CALLER_SSRC, Rtp.audio(1));
        version1[0] = 0x40;
        caller.send(version1, portA());
        caller.send(new byte[] {(byte) 0x80, (byte) 200, 0, 50, 0, 0, 0, 1}, bridge.leg(Side.A).rtcpPort());

        awaitCounter(Side.A, LegCounter.DROPPED_MALFORMED, 3);
        assertThat(agent.drain(QUIET)).isEmpty();
        assertThat(bridge.leg(Side.A).latchedRtpSource()).as("garbage does not latch").isEmpty();
        caller.send(Rtp.packet(0, 2, 160, CALLER_SSRC, Rtp.audio(1)), portA());
        assertThat(RtpPacket.sequence(one(agent).buffer(), 0)).isEqualTo(2);
    }

    @Test
    void closingReleasesThePortsOnceAndStopsTheRelay() {
        RtpPortPool pool = engine.ports();
        int used = pool.used();
        RtpBridge second = engine.open(caller.endpoint(), agent.endpoint());
        assertThat(pool.used()).isEqualTo(used + 2);
        assertThat(engine.activeBridges()).contains(bridge, second);

        second.close();
        second.close();

        assertThat(second.isClosed()).isTrue();
        assertThat(pool.used()).isEqualTo(used);
        assertThat(engine.activeBridges()).containsExactly(bridge);
        caller.send(Rtp.packet(0, 1, 0, CALLER_SSRC, Rtp.audio(1)), second.leg(Side.A).rtpPort());
        assertThat(agent.drain(QUIET)).isEmpty();

        engine.close();
        assertThat(bridge.isClosed()).isTrue();
        assertThat(pool.used()).isZero();
        assertThatThrownBy(engine::open).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exhaustedPoolFailsTheOpenWithTheTypedErrorAndLeaksNothing() {
        PortRange three = new PortRange(24980, 24985);
        try (RelayEngine small = new RelayEngine(RelayConfig.of(UdpPeer.LOOPBACK, three))) {
            int opened = 0;
            try {
                while (opened < 10) {
                    small.open();
                    opened++;
                }
            } catch (RtpPortsExhaustedException expected) {
                assertThat(expected).hasMessageContaining("no free RTP port pair in 24980-24985");
            }
            assertThat(opened).isLessThanOrEqualTo(1);
            assertThat(small.ports().used()).isEqualTo(2 * opened);
            small.activeBridges().forEach(RtpBridge::close);
            assertThat(small.ports().used()).isZero();
        }
    }

    @Test
    void packetsToAnUnconfiguredLegAreCountedNotSent() {
        RtpBridge early = engine.open(); // the agent's SDP is not known yet
        early.leg(Side.A).setRemote(caller.endpoint());
        caller.send(Rtp.packet(0, 1, 0, CALLER_SSRC, Rtp.audio(1)), early.leg(Side.A).rtpPort());

        LegStats b = early.leg(Side.B).stats();
        Await.until(WAIT, "drop counted", () -> b.get(LegCounter.DROPPED_SEND) == 1);
        assertThat(early.leg(Side.A).stats().get(LegCounter.RTP_RECEIVED)).isEqualTo(1);
        assertThat(early.leg(Side.B).remote()).isEmpty();
        InetSocketAddress none = early.leg(Side.B).rtpDestination().orElse(null);
        assertThat(none).isNull();
    }
}
