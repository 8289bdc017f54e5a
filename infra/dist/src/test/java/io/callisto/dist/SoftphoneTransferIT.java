package io.callisto.dist;

import static io.callisto.dist.SoftphoneWaits.await;
import static io.callisto.dist.SoftphoneWaits.awaitGone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callisto.platform.testing.ApiClient;
import io.callisto.gateway.sipp.RtpEndpoint;
import io.callisto.gateway.sipp.Sipp;
import io.callisto.gateway.sipp.SippProcess;
import io.callisto.gateway.sipp.SippResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An attended transfer between two browser agents, end to end: sipp calls from a carrier trunk; Ann answers in the
 * real agent desktop (headless Chromium), consults Bob (the caller hears the queue's music meanwhile), talks to him,
 * and completes the transfer; Bob's desktop shows the customer and he hears them; Bob hangs up and dispositions the
 * call. The caller's call goes on throughout (one carrier dialog, hung up by the gateway at the end); the call's
 * record names Bob; the interaction carries Bob's disposition; nothing is left behind.
 */
class SoftphoneTransferIT {
    private static final String PASSWORD = "Str0ng-Passw0rd!";
    private static RunningCallisto app;

    @BeforeAll
    static void start() {
        app = RunningCallisto.start(RunningCallisto.Database.H2, Map.of("CALLISTO_RTP_PORTS", "34000-34999"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void annConsultsBobAndHandsHimTheCaller() throws Exception {
        ApiClient api = app.client();
        BrowserAgentTenant f = BrowserAgentTenant.create(api, "127.0.0.1", PASSWORD);
        String bobId = bob(api, f);
        Path out = Files.createDirectories(Path.of("target", "e2e").toAbsolutePath());
        try (DesktopScript browsers = DesktopScript.run("e2e/softphone-transfer.mjs", List.of(),
                desktops(api, f, bobId, out, Map.of()), out, "softphone-transfer")) {
            browsers.expect("READY", Duration.ofSeconds(120));
            try (SippProcess carrier = Sipp.scenario("carrier_browser_call.xml")
                    .remote("127.0.0.1", app.callisto().sip().sipPort()).service(f.did()).set("plays", 30)
                    .rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(240)).start()) {
                String consult = browsers.expect("CONSULT ", Duration.ofSeconds(120));
                assertThat(consult).as(browsers.log()).contains("Ann Agent wants to transfer a caller to you")
                        .as("each sees the other by name").contains("Talking to Bob Agent")
                        .contains("\"annState\":\"BUSY\"");
                long heardBefore = carrier.rtp().packets();
                String transfer = browsers.expect("TRANSFER ", Duration.ofSeconds(120));
                assertThat(transfer).as(browsers.log()).contains("\"annNotice\":\"The call was transferred.\"")
                        .contains("\"annState\":\"WRAP_UP\"").contains("\"bobState\":\"BUSY\"");
                await("Bob's audio at the carrier", () -> carrier.rtp().packets() > heardBefore + 50,
                        Duration.ofSeconds(20));
                browsers.expect("DONE", Duration.ofSeconds(60));
                SippResult call = carrier.await(Duration.ofSeconds(30));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
            }
            assertThat(browsers.exitStatus(Duration.ofSeconds(30))).as(browsers.log()).isZero();
        }
        awaitGone(app.callisto(), f.tenant(), bobId);
        awaitGone(app.callisto(), f.tenant(), f.agentId());
        JsonNode records = api.get("/api/v1/calls", f.token()).json().path("items");
        assertThat(records.size()).as(records.toString()).isEqualTo(1);
        assertThat(records.path(0).path("agentId").asText()).as(records.toString()).isEqualTo(bobId);
        assertThat(records.path(0).path("hangupSide").asText()).isEqualTo("AGENT");
        assertThat(records.path(0).path("holdSeconds").asLong()).as("the consultation held the caller").isPositive();
        await("Bob's disposition stored", () -> "transferred-in".equals(firstDisposition(api, f.token())),
                Duration.ofSeconds(20));
    }

    /**
     * The same attended transfer of a call Ann placed: she dials the customer (sipp behind the tenant's carrier trunk,
     * talking without a break) from the desktop, hears them, consults Bob and hands the customer to him. The call is
     * an interaction from the moment she dials, so it is transferred like one the ACD delivered: one call record,
     * outbound, Bob's; his disposition on the interaction; the customer's leg hung up by the gateway at the end.
     */
    @Test
    void annCallsACustomerAndHandsThemToBob() throws Exception {
        ApiClient api = app.client();
        BrowserAgentTenant f = BrowserAgentTenant.create(api, "127.0.0.1", PASSWORD);
        String bobId = bob(api, f);
        Path out = Files.createDirectories(Path.of("target", "e2e").toAbsolutePath());
        Path work = Files.createTempDirectory(out, "customer-");
        Files.write(work.resolve("voice.ulaw"), TestTone.ulaw(330, 4));
        String customerNumber = "+15559990042";
        // Ann calls for a queue she does not serve, picked in the dial form. Its rule, unlike her own queue's (120 s of
        // wrap-up), gives no wrap-up time: she is AVAILABLE straight after the transfer only if the call is Renewals'
        String renewals = api.json("POST", "/api/v1/queues", f.token(), Map.of("name", "Renewals", "strategy",
                "LONGEST_IDLE", "wrapUpSeconds", 0)).text("id");
        try (SippProcess customer = Sipp.scenario("customer_answer_stream.xml").workDir(work)
                .timeout(Duration.ofSeconds(240)).start()) {
            // the tenant's carrier trunk reaches the customer's sipp
            assertThat(api.json("PATCH", "/api/v1/trunks/" + f.trunkId(), f.token(), Map.of("port", customer.sipPort()))
                    .status()).isEqualTo(200);
            // refusals place no call: a queue that is none of the tenant's, a number that is none, Ann unreachable
            ApiClient.Response noQueue = api.json("POST", "/api/v1/calls", f.token(), Map.of("to", customerNumber,
                    "agentId", f.agentId(), "queueId", "q-none"));
            assertThat(noQueue.status()).as(noQueue.body()).isEqualTo(404);
            assertThat(api.json("POST", "/api/v1/calls", f.token(), Map.of("to", "call mom")).status()).isEqualTo(400);
            ApiClient.Response noPhone = api.json("POST", "/api/v1/calls", f.token(), Map.of("to", customerNumber,
                    "agentId", f.agentId()));
            assertThat(noPhone.status()).as(noPhone.body()).isEqualTo(409);
            assertThat(noPhone.text("code")).isEqualTo("no-registered-phone");
            try (DesktopScript browsers = DesktopScript.run("e2e/softphone-transfer.mjs", List.of(),
                    desktops(api, f, bobId, out, Map.of("DIAL", customerNumber, "CUSTOMER", customerNumber,
                            "DIAL_QUEUE", renewals)), out,
                    "softphone-outbound-transfer")) {
                browsers.expect("READY", Duration.ofSeconds(120));
                String consult = browsers.expect("CONSULT ", Duration.ofSeconds(120));
                assertThat(consult).as(browsers.log()).contains("Ann Agent wants to transfer a caller to you")
                        .contains("Talking to Bob Agent").contains("\"annState\":\"BUSY\"");
                String transfer = browsers.expect("TRANSFER ", Duration.ofSeconds(120));
                assertThat(transfer).as(browsers.log()).contains("\"annNotice\":\"The call was transferred.\"")
                        .contains("\"annState\":\"AVAILABLE\"").contains("\"bobState\":\"BUSY\"");
                browsers.expect("DONE", Duration.ofSeconds(60));
                assertThat(browsers.exitStatus(Duration.ofSeconds(30))).as(browsers.log()).isZero();
            }
            SippResult call = customer.await(Duration.ofSeconds(30));
            assertThat(call.isSuccess()).as("the gateway hung up the customer: " + call.screen()).isTrue();
            assertThat(call.receivedRequests("INVITE")).as("one call: the refused ones placed none").hasSize(1);
            assertThat(call.receivedRequests("INVITE").getFirst().header("To").orElseThrow()).contains(customerNumber);
        }
        awaitGone(app.callisto(), f.tenant(), bobId);
        awaitGone(app.callisto(), f.tenant(), f.agentId());
        JsonNode records = api.get("/api/v1/calls", f.token()).json().path("items");
        assertThat(records.size()).as(records.toString()).isEqualTo(1);
        JsonNode record = records.path(0);
        assertThat(record.path("direction").asText()).as(records.toString()).isEqualTo("OUTBOUND");
        assertThat(record.path("to").asText()).isEqualTo(customerNumber);
        assertThat(record.path("queueId").asText()).as("the queue Ann picked").isEqualTo(renewals);
        assertThat(record.path("agentId").asText()).as(records.toString()).isEqualTo(bobId);
        assertThat(record.path("interactionId").asText()).isEqualTo(record.path("id").asText());
        assertThat(record.path("hangupSide").asText()).isEqualTo("AGENT");
        assertThat(record.path("holdSeconds").asLong()).as("the consultation held the customer").isPositive();
        await("Bob's disposition stored", () -> "transferred-in".equals(firstDisposition(api, f.token())),
                Duration.ofSeconds(20));
    }

    /** Bob, an agent who serves no queue (only a transfer brings him a call), signing in as bob@...; his id. */
    private static String bob(ApiClient api, BrowserAgentTenant f) {
        String bobId = api.json("POST", "/api/v1/users", f.token(), Map.of("email", bobEmail(f), "name", "Bob Agent",
                "password", PASSWORD, "roles", List.of("AGENT"))).text("id");
        assertThat(api.json("POST", "/api/v1/agents", f.token(), Map.of("userId", bobId, "queueIds", List.of()))
                .status()).isEqualTo(201);
        return bobId;
    }

    private static String bobEmail(BrowserAgentTenant f) {
        return "bob-" + f.tenant().value() + "@example.test";
    }

    /** The script's environment: Ann's and Bob's sign-ins and names, the fake microphone's tone, and {@code more}. */
    private static Map<String, String> desktops(ApiClient api, BrowserAgentTenant f, String bobId, Path out,
                                                Map<String, String> more) throws java.io.IOException {
        Path wav = out.resolve("tone-440.wav");
        Files.write(wav, TestTone.wav(440, 10));
        Map<String, String> env = new java.util.HashMap<>(Map.of("BASE_URL", api.base(), "AGENT_EMAIL", f.agentEmail(),
                "AGENT_PASSWORD", PASSWORD, "COLLEAGUE_EMAIL", bobEmail(f), "COLLEAGUE_PASSWORD", PASSWORD,
                "COLLEAGUE_ID", bobId, "AGENT_NAME", "Ann Agent", "COLLEAGUE_NAME", "Bob Agent", "FAKE_AUDIO",
                wav.toString()));
        env.putAll(more);
        return env;
    }

    private static String firstDisposition(ApiClient api, String token) {
        for (JsonNode i : api.get("/api/v1/interactions", token).json().path("items")) {
            if (i.hasNonNull("disposition")) {
                return i.path("disposition").asText();
            }
        }
        return null;
    }
}
