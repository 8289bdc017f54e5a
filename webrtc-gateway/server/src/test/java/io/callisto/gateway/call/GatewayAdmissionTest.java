package io.callisto.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.telephony.NumberService;
import io.callisto.core.telephony.TrunkService;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * INVITEs the gateway must refuse before placing any call, sent as raw datagrams: an unknown number, a source no
 * trunk of the number's tenant allows, unusable SDP, no common codec; and the other methods outside a dialog.
 */
class GatewayAdmissionTest {
    static GatewayWorld world;
    static final String OTHER_NUMBER = "+15557654321";

    @BeforeAll
    static void start() throws Exception {
        world = new GatewayWorld();
        String farTrunk = new TrunkService(world.store, world.store.trunks(), world.clock).create(world.admin,
                new TrunkService.TrunkInput("Far carrier", "CARRIER", "192.0.2.10", 5060, "UDP", null, null, false, null,
                        List.of("192.0.2.0/24"), List.of(), null, 10, true, Set.of())).id();
        new NumberService(world.store, world.store.numbers(), world.store.trunks(), world.store.queues(), world.clock)
                .create(world.admin, new NumberService.NumberInput(OTHER_NUMBER, null, farTrunk,
                        new NumberService.TargetInput("QUEUE", world.queueId, null), Set.of()));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";

    static String request(String method, String user, int localPort, String body, String branch) {
        return request(method, user + "@127.0.0.1:" + world.gateway.sipPort(), localPort, body, branch, List.of());
    }

    static String request(String method, String uriUserHost, int localPort, String body, String branch,
                          List<String> headers) {
        String user = uriUserHost.substring(0, uriUserHost.indexOf('@'));
        return method + " sip:" + uriUserHost + " SIP/2.0\r\n"
                + headers.stream().map(h -> h + "\r\n").collect(java.util.stream.Collectors.joining())
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:+15550001111@127.0.0.1>;tag=f" + branch + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + branch + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:carrier@127.0.0.1:" + localPort + ">\r\n"
                + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Sends a request and returns the first final response's status line. */
    static String finalAnswer(String method, String user, String body) throws Exception {
        return finalResponse(method, user + "@127.0.0.1:" + world.gateway.sipPort(), body, List.of()).lines().findFirst()
                .orElse("");
    }

    /** Sends a request (to {@code user@host}, with extra headers) and returns the first final response. */
    static String finalResponse(String method, String uriUserHost, String body, List<String> headers) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            String branch = Long.toHexString(System.nanoTime());
            byte[] out = request(method, uriUserHost, socket.getLocalPort(), body, branch, headers)
                    .getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(out, out.length, InetAddress.getLoopbackAddress(), world.gateway.sipPort()));
            while (true) {
                byte[] in = new byte[8192];
                DatagramPacket packet = new DatagramPacket(in, in.length);
                socket.receive(packet);
                String text = new String(in, 0, packet.getLength(), StandardCharsets.UTF_8);
                if (!text.startsWith("SIP/2.0 1")) {
                    return text;
                }
            }
        }
    }

    @Test
    void anUnknownNumberIsNotFound() throws Exception {
        assertThat(finalAnswer("INVITE", "+15559999999", SDP)).startsWith("SIP/2.0 404");
        assertThat(finalAnswer("INVITE", "not-a-number", SDP)).startsWith("SIP/2.0 404");
        assertThat(world.gateway.calls().active()).isZero();
    }

    @Test
    void aSourceNoTrunkOfTheTenantAllowsIsForbidden() throws Exception {
        assertThat(finalAnswer("INVITE", OTHER_NUMBER, SDP)).startsWith("SIP/2.0 403");
        assertThat(world.live.snapshot(world.id()).interactions()).isEmpty();
    }

    @Test
    void unusableSdpIsRefusedAndPlacesNoCall() throws Exception {
        assertThat(finalAnswer("INVITE", GatewayWorld.NUMBER, "v=0\r\nthis is not sdp\r\n")).startsWith("SIP/2.0 400");
        assertThat(finalAnswer("INVITE", GatewayWorld.NUMBER, SDP.replace("RTP/AVP 8 0 101", "RTP/AVP 18")
                .replace("a=rtpmap:101 telephone-event/8000\r\n", ""))).startsWith("SIP/2.0 488");
        assertThat(world.gateway.calls().active()).isZero();
        assertThat(world.live.snapshot(world.id()).interactions()).isEmpty();
        // a bridge's ports go back when its I/O thread has closed it, a moment after the call let it go
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (world.relay.ports().used() != 0 && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(world.relay.ports().used()).isZero();
    }

    @Test
    void optionsIsAnswered() throws Exception {
        assertThat(finalAnswer("OPTIONS", "ping", "")).startsWith("SIP/2.0 200");
    }

    @Test
    void aByeOutsideADialogDoesNotExist() throws Exception {
        assertThat(finalAnswer("BYE", GatewayWorld.NUMBER, "")).startsWith("SIP/2.0 481");
    }

    @Test
    void anUnsupportedMethodIsNotAllowed() throws Exception {
        assertThat(finalAnswer("SUBSCRIBE", GatewayWorld.NUMBER, "")).startsWith("SIP/2.0 405");
    }

    /**
     * An INVITE in a tenant's domain calls a colleague: it is challenged in the tenant's realm whoever is named (so
     * names cannot be told apart), refused 403 with wrong credentials, and 404 for a name no agent has once the
     * caller proved to be one of the tenant's agents. None places a call.
     */
    @Test
    void aCallToAColleagueNeedsTheCallersAgentCredentials() throws Exception {
        String tenant = world.id().value();
        world.agent("carol");
        String challenge = finalResponse("INVITE", "nobody@" + tenant, SDP, List.of());
        assertThat(challenge).startsWith("SIP/2.0 407").contains("realm=\"" + tenant + "\"");
        assertThat(finalResponse("INVITE", "carol@" + tenant, SDP, List.of())).startsWith("SIP/2.0 407");
        List<String> offered = challenge.lines().filter(l -> l.startsWith("Proxy-Authenticate:"))
                .map(l -> l.substring("Proxy-Authenticate:".length()).trim()).toList();
        String wrong = new io.callisto.gateway.sip.auth.DigestClient().authorize(offered, "carol", "not-the-password",
                "INVITE", "sip:nobody@" + tenant);
        assertThat(finalResponse("INVITE", "nobody@" + tenant, SDP, List.of("Proxy-Authorization: " + wrong)))
                .startsWith("SIP/2.0 403");
        String right = new io.callisto.gateway.sip.auth.DigestClient().authorize(offered, "carol", GatewayWorld.PASSWORD,
                "INVITE", "sip:nobody@" + tenant);
        assertThat(finalResponse("INVITE", "nobody@" + tenant, SDP, List.of("Proxy-Authorization: " + right)))
                .startsWith("SIP/2.0 404");
        assertThat(world.gateway.calls().active()).isZero();
    }
}
