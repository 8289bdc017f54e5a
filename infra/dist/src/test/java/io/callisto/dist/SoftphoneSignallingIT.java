package io.callisto.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callisto.core.ids.TenantId;
import io.callisto.gateway.sipp.RtpEndpoint;
import io.callisto.gateway.sipp.Sipp;
import io.callisto.gateway.sipp.SippProcess;
import io.callisto.gateway.sipp.SippResult;
import io.callisto.platform.testing.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The softphone's signalling against bad input of every kind: tokens, users who are not agents, malformed and unknown
 * messages, messages out of order, oversized frames, a second connection; and a ringing call whose "browser" sends
 * an unusable offer and then one it never connects: each gets a clear error, and the call is neither lost nor leaked.
 */
class SoftphoneSignallingIT {
    private static final String PATH = "/api/v1/softphone";
    private static final String PASSWORD = "Str0ng-Passw0rd!";
    private static RunningCallisto app;
    private static ApiClient api;
    private static String adminToken;
    private static String agentToken;
    private static String agentId;
    private static String did;
    private static String trunkId;
    private static String callAgentId;
    private static String callAgentToken;
    private static TenantId tenant;

    @BeforeAll
    static void start() {
        app = RunningCallisto.start(RunningCallisto.Database.H2, Map.of("CALLISTO_RTP_PORTS", "34000-34999",
                "CALLISTO_SOFTPHONE_CONNECT_TIMEOUT", "PT3S"));
        api = app.client();
        ApiClient.Response admin = api.signUpAndSignIn("Signal Co", "admin-" + System.nanoTime() + "@example.test",
                PASSWORD);
        adminToken = admin.text("accessToken");
        tenant = new TenantId(admin.text("tenantId"));
        String[] signalling = agentWithNumber("Signalling");
        agentId = signalling[0];
        agentToken = signalling[1];
        // the ringing-call test has an agent, queue and number of its own, so no call of it reaches the others
        String[] calls = agentWithNumber("Calls");
        callAgentId = calls[0];
        callAgentToken = calls[1];
        did = calls[2];
    }

    /** An agent serving a queue of their own with a number into it: {agent id, token, number}. */
    private static String[] agentWithNumber(String name) {
        String email = name.toLowerCase(java.util.Locale.ROOT) + "-" + System.nanoTime() + "@example.test";
        String id = api.json("POST", "/api/v1/users", adminToken, Map.of("email", email, "name", name + " Agent",
                "password", PASSWORD, "roles", List.of("AGENT"))).text("id");
        String queueId = api.json("POST", "/api/v1/queues", adminToken, Map.of("name", name, "strategy",
                "LONGEST_IDLE")).text("id");
        api.json("POST", "/api/v1/agents", adminToken, Map.of("userId", id, "queueIds", List.of(queueId)));
        if (trunkId == null) {
            trunkId = api.json("POST", "/api/v1/trunks", adminToken, Map.of("name", "Carrier", "kind", "CARRIER",
                    "host", "127.0.0.1", "allowedIps", List.of("127.0.0.1/32"))).text("id");
        }
        String number = TelephonyApiChecks.newNumber();
        api.json("POST", "/api/v1/numbers", adminToken, Map.of("e164", number, "trunkId", trunkId, "target",
                Map.of("type", "QUEUE", "queueId", queueId)));
        String token = api.json("POST", "/api/v1/auth/token", null, Map.of("email", email, "password", PASSWORD))
                .text("accessToken");
        return new String[] {id, token, number};
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theUpgradeNeedsAValidTokenAndPlainHttpIsToldHowToConnect() {
        assertThat(EventsClient.refusedUpgradeStatus(api.base(), PATH, "not-a-token")).isEqualTo(401);
        ApiClient.Response plain = api.get(PATH, null);
        assertThat(plain.status()).isEqualTo(426);
        assertThat(plain.contentType()).startsWith("application/problem+json");
        assertThat(api.get(PATH + "?access_token=forged", null).status()).isEqualTo(401);
        assertThat(api.get("/openapi", null).body()).contains("/api/v1/softphone");
    }

    @Test
    void aUserWhoIsNoAgentIsRefused() {
        try (EventsClient socket = EventsClient.connect(api.base(), PATH, adminToken)) {
            socket.sendText("{\"type\":\"hello\"}");
            assertThat(socket.awaitType("error").path("code").asText()).isEqualTo("not-an-agent");
            assertThat(socket.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void badMessagesGetClearErrorsAndTheConnectionGoesOn() {
        try (EventsClient socket = EventsClient.connect(api.base(), PATH, agentToken)) {
            socket.sendText("{\"type\":\"hangup\",\"callId\":\"c1\"}");
            assertThat(error(socket, 1)).isEqualTo("hello-required");
            socket.sendText("{\"type\":\"ping\"}");
            socket.awaitType("pong");
            socket.sendText("{\"type\":\"hello\",\"device\":\"test\"}");
            JsonNode welcome = socket.awaitType("welcome");
            assertThat(welcome.path("agentId").asText()).isEqualTo(agentId);
            assertThat(welcome.path("calls").isArray()).isTrue();
            String[][] cases = {
                {"{oops", "invalid-json"},
                {"[1,2]", "invalid-json"},
                {"{\"type\":\"reboot\"}", "unknown-type"},
                {"{\"type\":\"hangup\"}", "invalid-message"},
                {"{\"type\":\"hold\",\"callId\":\"c1\",\"hold\":\"yes\"}", "invalid-message"},
                {"{\"type\":\"answer\",\"callId\":\"nope\",\"sdp\":\"v=0\"}", "unknown-call"},
                {"{\"type\":\"transfer\",\"callId\":\"nope\",\"queueId\":\"q\",\"agentId\":\"a\"}", "invalid-message"},
                {"{\"type\":\"dial\",\"number\":\"5551234\",\"queueId\":\"a b\"}", "invalid-message"},
                // a queue that is none of the tenant's: refused before any call is placed
                {"{\"type\":\"dial\",\"number\":\"5551234\",\"queueId\":\"q-none\"}", "dial-refused"},
                {"{\"type\":\"state\",\"state\":\"BUSY\"}", "validation-failed"},
                {"{\"type\":\"state\",\"state\":\"AVAILABLE\",\"reason\":\"x\"}", "validation-failed"},
                {"{\"type\":\"hello\"}", "invalid-state"},
            };
            for (int i = 0; i < cases.length; i++) {
                socket.sendText(cases[i][0]);
                assertThat(error(socket, i + 2)).as(cases[i][0]).isEqualTo(cases[i][1]);
            }
            assertThat(socket.messages().stream().filter(m -> "dial-refused".equals(m.path("code").asText()))
                    .map(m -> m.path("reason").asText() + ": " + m.path("message").asText()))
                    .as("why the dial was refused").containsExactly("not-found: queue not found");
            socket.sendText("{\"type\":\"state\",\"state\":\"AVAILABLE\"}");
            socket.await("AVAILABLE", m -> "state".equals(m.path("type").asText())
                    && "AVAILABLE".equals(m.path("state").asText()));
            socket.sendText("{\"type\":\"state\",\"state\":\"OFFLINE\"}");
            socket.await("OFFLINE", m -> "OFFLINE".equals(m.path("state").asText()));
            socket.sendText("x".repeat(70_000));
            assertThat(socket.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void aNewerConnectionReplacesTheOlderOne() {
        try (EventsClient first = EventsClient.connect(api.base(), PATH, agentToken);
             EventsClient second = EventsClient.connect(api.base(), PATH, agentToken)) {
            first.sendText("{\"type\":\"hello\"}");
            first.awaitType("welcome");
            second.sendText("{\"type\":\"hello\"}");
            second.awaitType("welcome");
            assertThat(first.awaitType("error").path("code").asText()).isEqualTo("replaced");
            assertThat(first.awaitClose()).isEqualTo(4000);
        }
    }

    @Test
    void aRingingCallSurvivesAnUnusableOfferAndABrowserThatNeverConnects() throws Exception {
        try (EventsClient socket = availableCallAgent()) {
            try (SippProcess carrier = callTheAgent(3)) {
                String callId = socket.awaitType("incoming").path("call").path("callId").asText();
                socket.sendText("{\"type\":\"answer\",\"callId\":\"" + callId + "\",\"sdp\":\"v=0\\r\\nm=audio 9 RTP/AVP 0\"}");
                JsonNode refused = socket.await("invalid-sdp", m -> "invalid-sdp".equals(m.path("code").asText()));
                assertThat(refused.path("callId").asText()).isEqualTo(callId);
                // an offer from a "browser" that never does ICE: the media times out, the offer goes back to the ACD
                socket.sendText(answer(callId, chromeOffer().replaceAll("a=fingerprint:[^\r\n]*",
                        "a=fingerprint:sha-256 " + "AB:".repeat(31) + "AB")));
                JsonNode answered = socket.awaitType("answered");
                assertThat(answered.path("sdp").asText()).contains("a=setup:passive", "UDP/TLS/RTP/SAVPF");
                JsonNode ended = socket.await("ended", m -> "ended".equals(m.path("type").asText()));
                assertThat(ended.path("reason").asText()).isEqualTo("failed");
                socket.await("AWAY", m -> "AWAY".equals(m.path("state").asText()));
                // the refusal and AWAY are one ACD step: the call is not offered to this agent a second time
                assertThat(app.callisto().softphones().activeCalls()).isZero();
                assertThat(socket.messages().stream().filter(m -> "incoming".equals(m.path("type").asText())))
                        .hasSize(1);
                assertThat(app.callisto().sip().calls().active()).as("the caller still waits in the queue").isEqualTo(1);
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && (app.callisto().sip().calls().active() > 0
                    || !app.callisto().sip().relay().activeBridges().isEmpty())) {
                Thread.sleep(100);
            }
            assertThat(app.callisto().sip().calls().active()).isZero();
            assertThat(app.callisto().sip().relay().activeBridges()).isEmpty();
            assertThat(app.callisto().softphones().mediaOf(tenant, callAgentId)).isEmpty();
        }
    }

    @Test
    void aPreparedMediaThatNeverConnectsLeavesTheCallRingingAndIsReleasedWithIt() throws Exception {
        try (EventsClient socket = availableCallAgent()) {
            try (SippProcess carrier = callTheAgent(1)) {
                String callId = socket.awaitType("incoming").path("call").path("callId").asText();
                socket.sendText("{\"type\":\"answer\",\"callId\":\"" + callId + "\"}");
                assertThat(socket.await("not-prepared", m -> "not-prepared".equals(m.path("code").asText()))
                        .path("callId").asText()).isEqualTo(callId);
                socket.sendText(message("prepare", callId, "v=0\r\nm=audio 9 RTP/AVP 0"));
                socket.await("invalid-sdp", m -> "invalid-sdp".equals(m.path("code").asText()));
                // an offer from a "browser" that never does ICE: the gateway answers it and starts connecting
                socket.sendText(message("prepare", callId, chromeOffer()));
                JsonNode prepared = socket.awaitType("prepared");
                assertThat(prepared.path("sdp").asText()).contains("a=setup:passive", "UDP/TLS/RTP/SAVPF");
                assertThat(app.callisto().softphones().activeCalls()).isEqualTo(1);
                // the media times out (3 s here); the call keeps ringing, and the answer needs an offer again
                JsonNode failed = socket.await("media-failed", m -> "media-failed".equals(m.path("code").asText()));
                assertThat(failed.path("callId").asText()).isEqualTo(callId);
                socket.sendText("{\"type\":\"answer\",\"callId\":\"" + callId + "\"}");
                long refusals = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < refusals && socket.messages().stream()
                        .filter(m -> "not-prepared".equals(m.path("code").asText())).count() < 2) {
                    Thread.sleep(20);
                }
                assertThat(socket.messages().stream().filter(m -> "not-prepared".equals(m.path("code").asText())))
                        .hasSize(2);
                assertThat(socket.messages().stream().filter(m -> "ended".equals(m.path("type").asText()))).isEmpty();
                assertThat(app.callisto().softphones().activeCalls()).isEqualTo(1);
                // a second prepare that never connects either is released when the caller gives up
                socket.sendText(message("prepare", callId, chromeOffer()));
                socket.await("second prepared", m -> "prepared".equals(m.path("type").asText())
                        && m != prepared);
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
                JsonNode ended = socket.await("ended", m -> "ended".equals(m.path("type").asText()));
                assertThat(ended.path("reason").asText()).isEqualTo("missed");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && (app.callisto().softphones().activeCalls() > 0
                    || app.callisto().sip().calls().active() > 0 || !app.callisto().sip().relay().activeBridges().isEmpty())) {
                Thread.sleep(100);
            }
            assertThat(app.callisto().softphones().activeCalls()).isZero();
            assertThat(app.callisto().sip().calls().active()).isZero();
            assertThat(app.callisto().sip().relay().activeBridges()).isEmpty();
            socket.sendText("{\"type\":\"state\",\"state\":\"AWAY\"}");
        }
    }

    /** The softphone of the agent the calls go to, signed in and Available. */
    private static EventsClient availableCallAgent() {
        EventsClient socket = EventsClient.connect(api.base(), PATH, callAgentToken);
        socket.sendText("{\"type\":\"hello\"}");
        socket.awaitType("welcome");
        socket.sendText("{\"type\":\"state\",\"state\":\"AVAILABLE\"}");
        socket.await("AVAILABLE", m -> "AVAILABLE".equals(m.path("state").asText()));
        return socket;
    }

    /** A carrier call to the agent's number, the caller talking for {@code plays} times about 7 s. */
    private static SippProcess callTheAgent(int plays) {
        return Sipp.scenario("carrier_browser_call.xml").remote("127.0.0.1", app.callisto().sip().sipPort()).service(did)
                .set("plays", plays).rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(60)).start();
    }

    /** Chromium 156's real audio offer (its ICE and certificate are long gone: nothing will connect). */
    private static String chromeOffer() throws java.io.IOException {
        try (java.io.InputStream in = SoftphoneSignallingIT.class.getResourceAsStream("/webrtc/chrome-156-audio-offer.sdp")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String answer(String callId, String sdp) throws java.io.IOException {
        return message("answer", callId, sdp);
    }

    private static String message(String type, String callId, String sdp) throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("type", type, "callId",
                callId, "sdp", sdp));
    }

    private static String error(EventsClient socket, int count) {
        List<JsonNode> errors = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            errors = socket.messages().stream().filter(m -> "error".equals(m.path("type").asText())).toList();
            if (errors.size() >= count) {
                return errors.get(count - 1).path("code").asText();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("error #" + count + " never came: " + socket.messages());
    }
}
