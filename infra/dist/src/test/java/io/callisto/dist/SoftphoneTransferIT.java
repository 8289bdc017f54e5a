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
        // Bob serves no queue: only the transfer brings him the call
        String bobEmail = "bob-" + System.nanoTime() + "@example.test";
        String bobId = api.json("POST", "/api/v1/users", f.token(), Map.of("email", bobEmail, "name", "Bob Agent",
                "password", PASSWORD, "roles", List.of("AGENT"))).text("id");
        assertThat(api.json("POST", "/api/v1/agents", f.token(), Map.of("userId", bobId, "queueIds", List.of()))
                .status()).isEqualTo(201);
        Path out = Files.createDirectories(Path.of("target", "e2e").toAbsolutePath());
        Path wav = out.resolve("tone-440.wav");
        Files.write(wav, TestTone.wav(440, 10));
        try (DesktopScript browsers = DesktopScript.run("e2e/softphone-transfer.mjs", List.of(), Map.of("BASE_URL",
                api.base(), "AGENT_EMAIL", f.agentEmail(), "AGENT_PASSWORD", PASSWORD, "COLLEAGUE_EMAIL", bobEmail,
                "COLLEAGUE_PASSWORD", PASSWORD, "COLLEAGUE_ID", bobId, "AGENT_NAME", "Ann Agent", "COLLEAGUE_NAME",
                "Bob Agent", "FAKE_AUDIO", wav.toString()), out,
                "softphone-transfer")) {
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

    private static String firstDisposition(ApiClient api, String token) {
        for (JsonNode i : api.get("/api/v1/interactions", token).json().path("items")) {
            if (i.hasNonNull("disposition")) {
                return i.path("disposition").asText();
            }
        }
        return null;
    }
}
