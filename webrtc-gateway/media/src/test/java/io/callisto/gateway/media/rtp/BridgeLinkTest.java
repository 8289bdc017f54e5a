package io.callisto.gateway.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two bridges joined by a link, as an attended transfer joins the customer's call and the consultation: a caller on
 * one bridge and a colleague on the other hear each other, each with the SSRC its own bridge sends; once cut, nothing
 * crosses.
 */
class BridgeLinkTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int CALLER_SSRC = 0x0CA11E12;
    private static final int COLLEAGUE_SSRC = 0x0C011EA6;

    private final RelayEngine engine = new RelayEngine(
            RelayConfig.of(UdpPeer.LOOPBACK, new PortRange(26000, 26999)).withIoThreads(1));
    private final UdpPeer caller = new UdpPeer();
    private final UdpPeer firstAgent = new UdpPeer();
    private final UdpPeer firstAgentAgain = new UdpPeer();
    private final UdpPeer colleague = new UdpPeer();
    private final RtpBridge customer = engine.open(caller.endpoint(), firstAgent.endpoint());
    private final RtpBridge consultation = engine.open(firstAgentAgain.endpoint(), colleague.endpoint());

    @AfterEach
    void tearDown() {
        engine.close();
        caller.close();
        firstAgent.close();
        firstAgentAgain.close();
        colleague.close();
    }

    @Test
    void theCallerAndTheColleagueHearEachOtherThroughTheLinkAndNobodyElseDoes() {
        BridgeLink cut;
        try (BridgeLink link = BridgeLink.join(customer, Side.B, consultation, Side.A)) {
            cut = link;
            for (int i = 0; i < 5; i++) {
                caller.send(Rtp.packet(0, 100 + i, 1600 + 160 * i, CALLER_SSRC, Rtp.audio(i)),
                        customer.leg(Side.A).rtpPort());
                colleague.send(Rtp.packet(0, 900 + i, 160 * i, COLLEAGUE_SSRC, Rtp.audio(0x40 + i)),
                        consultation.leg(Side.B).rtpPort());
            }
            List<UdpPeer.Datagram> atColleague = colleague.receive(5, WAIT);
            List<UdpPeer.Datagram> atCaller = caller.receive(5, WAIT);

            assertThat(atColleague).extracting(d -> RtpPacket.ssrc(d.buffer(), 0))
                    .containsOnly(consultation.outgoingSsrc(Side.B));
            assertThat(atCaller).extracting(d -> RtpPacket.ssrc(d.buffer(), 0))
                    .containsOnly(customer.outgoingSsrc(Side.A));
            assertThat(atColleague.get(2).buffer().get(12)).as("the caller's payload, untouched").isEqualTo((byte) 2);
            assertThat(atCaller.get(2).buffer().get(12)).as("the colleague's payload").isEqualTo((byte) 0x42);
            assertThat(link.packetsForward()).isEqualTo(5);
            assertThat(link.packetsBack()).isEqualTo(5);
            assertThat(firstAgent.drain(Duration.ofMillis(300))).as("the first agent's ports hear nothing").isEmpty();
            assertThat(firstAgentAgain.drain(Duration.ofMillis(100))).isEmpty();
        }

        // cut: nothing crosses any more
        caller.send(Rtp.packet(0, 200, 32000, CALLER_SSRC, Rtp.audio(9)), customer.leg(Side.A).rtpPort());
        assertThat(colleague.drain(Duration.ofMillis(300))).isEmpty();
        assertThat(cut.packetsForward()).isEqualTo(5);
    }

    @Test
    void aBridgeIsNotLinkedToItself() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BridgeLink.join(customer, Side.A, customer, Side.B))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
