package io.callisto.gateway.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A far end that sends its 180 behind its 200: the caller never hears "ringing" after "answered". */
class SipLegOrderTest {

    @Test
    void aProvisionalBehindTheAnswerIsNotDelivered() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (DatagramSocket far = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             SipEndpoint caller = SipEndpoint.start(SipStackConfig.of("caller", "127.0.0.1", SipEndpointTest.freePort()),
                     r -> r.respond(SipResponse.of(405)))) {
            far.setSoTimeout(15_000);
            caller.invite(new OutgoingInvite("sip:agent@127.0.0.1:" + far.getLocalPort(), null, 0, "udp",
                    "sip:+15551230000@127.0.0.1", "Caller", "sip:agent@t1", SipLegTest.SDP, List.of()),
                    SipLegTest.recorder(events));
            DatagramPacket invite = receive(far);
            String request = new String(invite.getData(), 0, invite.getLength(), StandardCharsets.UTF_8);
            assertThat(request).startsWith("INVITE ");
            send(far, invite.getSocketAddress(), response(request, "200 OK", far.getLocalPort(), SipLegTest.SDP));
            send(far, invite.getSocketAddress(), response(request, "180 Ringing", far.getLocalPort(), ""));

            // the stack reads datagrams on several threads: the 180 may still be processed first, and is then news
            String first = SipLegTest.next(events);
            if (first.equals("provisional 180")) {
                first = SipLegTest.next(events);
            }
            assertThat(first).isEqualTo("answered true");
            assertThat(events.poll(500, TimeUnit.MILLISECONDS)).as("nothing after the answer").isNull();
        }
    }

    private static DatagramPacket receive(DatagramSocket socket) throws java.io.IOException {
        DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
        socket.receive(packet);
        return packet;
    }

    private static void send(DatagramSocket socket, SocketAddress to, String message) throws java.io.IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    /** A response to the INVITE with its Via, From, Call-ID and CSeq, a tagged To and our Contact. */
    private static String response(String request, String status, int port, String body) {
        String copied = request.lines()
                .filter(l -> l.startsWith("Via:") || l.startsWith("From:") || l.startsWith("Call-ID:")
                        || l.startsWith("CSeq:"))
                .collect(Collectors.joining("\r\n"));
        String to = request.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow() + ";tag=far1";
        return "SIP/2.0 " + status + "\r\n" + copied + "\r\n" + to + "\r\nContact: <sip:agent@127.0.0.1:" + port + ">\r\n"
                + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }
}
