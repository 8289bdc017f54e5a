package io.callisto.gateway.sipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's parsers and the RTP endpoint, without sipp. */
class SippParsingTest {

    @Test
    void parsesTheMessageLog() {
        String log = """
                ----------------------------------------------- 2026-11-23 03:46:33.544360
                UDP message sent (636 bytes):

                INVITE sip:+15551230000@127.0.0.1:15060 SIP/2.0\r
                Via: SIP/2.0/UDP 127.0.0.1:15070;branch=z9hG4bK-1\r
                CSeq: 1 INVITE\r
                i: 1-13579@127.0.0.1\r
                Content-Type: application/sdp\r
                \r
                v=0\r
                m=audio 16104 RTP/AVP 8 0 101\r

                ----------------------------------------------- 2026-11-23 03:46:33.546000
                TCP message received [312] bytes :

                SIP/2.0 180 Ringing\r
                CSeq: 1 INVITE\r
                Contact: <sip:alice@127.0.0.1:15060;transport=TCP>\r
                Content-Length: 0\r

                """;
        List<SipMessage> messages = SipMessage.parseLog(log);

        assertThat(messages).hasSize(2);
        SipMessage invite = messages.getFirst();
        assertThat(invite.sent()).isTrue();
        assertThat(invite.transport()).isEqualTo("UDP");
        assertThat(invite.method()).isEqualTo("INVITE");
        assertThat(invite.requestUri()).isEqualTo("sip:+15551230000@127.0.0.1:15060");
        assertThat(invite.callId()).isEqualTo("1-13579@127.0.0.1");
        assertThat(invite.body()).contains("m=audio 16104 RTP/AVP 8 0 101");
        SipMessage ringing = messages.get(1);
        assertThat(ringing.received()).isTrue();
        assertThat(ringing.statusCode()).isEqualTo(180);
        assertThat(ringing.cseqMethod()).isEqualTo("INVITE");
        assertThat(ringing.header("contact")).hasValue("<sip:alice@127.0.0.1:15060;transport=TCP>");
    }

    @Test
    void readsSipviciousTables() {
        String output = """
                WARNING:root:something
                +-----------------+------------+
                | SIP Device      | User Agent |
                +=================+============+
                | 127.0.0.1:15051 | unknown    |
                +-----------------+------------+
                """;
        assertThat(SipProbe.tableRows(output)).containsExactly(List.of("127.0.0.1:15051", "unknown"));
        assertThat(SipProbe.tableRows("WARNING:root:found nothing\n")).isEmpty();
    }

    @Test
    void readsScenarioGlobalsAndFixesPcapPaths() {
        String scenario = "<Global variables=\"caller, talk_ms\"/>\n<exec play_pcap_audio=\"pcap/g711a.pcap\"/>";
        assertThat(Sipp.globals(scenario)).containsExactly("caller", "talk_ms");
        assertThat(Sipp.fixPcapPaths(scenario)).contains("play_pcap_audio=\"" + Sipp.PCAP_DIR + "/g711a.pcap\"");
        assertThat(Sipp.globals(Sipp.loadResource("agent_register.xml"))).contains("calls", "unregister", "calls_done");
    }

    @Test
    void refusesAddressesOutsideLoopback() {
        assertThat(Ports.requireLoopback("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> Ports.requireLoopback("10.0.0.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ports.requireLoopback("example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sipp.scenario("carrier_call_bye.xml").set("no_such_variable", 1).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_variable");
    }

    @Test
    void endpointCountsEchoesAndDecodesDigits() throws IOException {
        try (RtpEndpoint echo = RtpEndpoint.open(Ports.mediaBase(), RtpEndpoint.Mode.ECHO);
             DatagramSocket peer = new DatagramSocket(new InetSocketAddress(Ports.LOOPBACK, 0))) {
            InetSocketAddress target = new InetSocketAddress(Ports.LOOPBACK, echo.port());
            peer.send(packet(rtp(8, 1, 160, 0x1234, new byte[160]), target));
            // digit 5: two packets of one event, the end packet sent three times; then "#"
            for (byte[] payload : List.of(event(5, false), event(5, true), event(5, true), event(5, true))) {
                peer.send(packet(rtp(101, 2, 320, 0x99, payload), target));
            }
            peer.send(packet(rtp(101, 3, 960, 0x99, event(11, false)), target));
            peer.send(packet(new byte[] {1, 2, 3}, target));

            assertThat(echo.awaitPackets(6, Duration.ofSeconds(5))).isTrue();
            assertThat(echo.awaitDigits(2, Duration.ofSeconds(5))).isEqualTo("5#");
            assertThat(echo.packets(8)).isEqualTo(1);
            assertThat(echo.packets(101)).isEqualTo(5);
            assertThat(echo.ssrcs()).containsExactlyInAnyOrder(0x1234L, 0x99L);
            peer.setSoTimeout(5000);
            byte[] buffer = new byte[2048];
            DatagramPacket back = new DatagramPacket(buffer, buffer.length);
            peer.receive(back);
            assertThat(back.getLength()).isEqualTo(172);
        }
    }

    private static DatagramPacket packet(byte[] data, InetSocketAddress target) {
        return new DatagramPacket(data, data.length, target);
    }

    private static byte[] rtp(int payloadType, int seq, long timestamp, long ssrc, byte[] payload) {
        byte[] packet = new byte[12 + payload.length];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) payloadType;
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        for (int i = 0; i < 4; i++) {
            packet[4 + i] = (byte) (timestamp >> (24 - 8 * i));
            packet[8 + i] = (byte) (ssrc >> (24 - 8 * i));
        }
        System.arraycopy(payload, 0, packet, 12, payload.length);
        return packet;
    }

    private static byte[] event(int event, boolean end) {
        return new byte[] {(byte) event, (byte) (end ? 0x8A : 0x0A), 0x01, 0x40};
    }
}
