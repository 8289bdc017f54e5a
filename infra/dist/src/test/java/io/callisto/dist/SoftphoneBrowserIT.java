package io.callisto.dist;

import static io.callisto.dist.SoftphoneWaits.await;
import static io.callisto.dist.SoftphoneWaits.awaitGone;
import static io.callisto.dist.SoftphoneWaits.awaitMedia;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.ids.TenantId;
import io.callisto.platform.testing.ApiClient;
import io.callisto.gateway.media.rtp.LegCounter;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.media.webrtc.BrowserMedia;
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
 * The browser agent end to end: headless Chromium (Debian's, a fake microphone playing a WAV tone) signs in to the
 * real agent desktop at /agent and goes Available; sipp calls a number from a carrier trunk, playing audio; the
 * desktop rings, the agent answers; SRTP flows both ways (the page's getStats, the gateway's counters on both legs),
 * the desktop's keypad sends DTMF that reaches the carrier's RTP endpoint as RFC 4733 digits; the agent hangs up the
 * first call, the caller the second; after each the agent completes the wrap-up with a disposition and notes, which
 * end up on the finished interaction; both legs, the relay and the browser media are gone afterwards. A browser killed
 * mid-call is hung up by the gateway. Everything runs on 127.0.0.1 (Chromium with
 * --allow-loopback-in-peer-connection); SoftphoneNetnsIT runs the same call across a network namespace.
 */
class SoftphoneBrowserIT {
    private static final String PASSWORD = "Str0ng-Passw0rd!";
    private static RunningCallisto app;

    @BeforeAll
    static void start() {
        // a short re-attach grace: the vanishing browser's call ends sooner (no test here reloads a page mid-call)
        app = RunningCallisto.start(RunningCallisto.Database.H2, Map.of("CALLISTO_RTP_PORTS", "33000-33999",
                "CALLISTO_SOFTPHONE_REATTACH_GRACE", "PT3S"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aCarriersCallIsAnsweredInTheBrowserWithAudioBothWaysDtmfAndHangUpFromEitherSide() throws Exception {
        assertThat(Sipp.available()).as("sipp (Debian sip-tester; the test command installs it)").isTrue();
        assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium (the test command installs it)").exists();
        assertThat(DesktopScript.WEB.resolve("node_modules/playwright-core")).as("the web module's npm ci ran").exists();
        ApiClient api = app.client();
        BrowserAgentTenant f = fixture(api);
        String token = f.token();
        TenantId tenant = f.tenant();
        String agentId = f.agentId();
        String agentEmail = f.agentEmail();
        String did = f.did();
        Path out = Files.createDirectories(Path.of("target", "e2e").toAbsolutePath());
        Path wav = out.resolve("tone-440.wav");
        Files.write(wav, TestTone.wav(440, 10));
        try (DesktopScript browser = DesktopScript.start(Map.of("BASE_URL", api.base(), "AGENT_EMAIL", agentEmail,
                "AGENT_PASSWORD", PASSWORD, "FAKE_AUDIO", wav.toString(), "CALLS", "agent,caller", "WRAPUP", "required"),
                out, "softphone-call")) {
            browser.expect("READY", Duration.ofSeconds(90));
            // first call: the caller talks until the agent hangs up
            try (SippProcess carrier = carrier(did, 8)) {
                String first = browser.expect("CALL ", Duration.ofSeconds(90));
                assertThat(first).as(browser.log()).contains("\"hungUpBy\":\"agent\"")
                        .contains("\"disposition\":\"e2e-1\"");
                SippResult call = carrier.await(Duration.ofSeconds(30));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
                RtpEndpoint carrierEar = carrier.rtp();
                assertThat(carrierEar.packets()).as("the browser's audio reached the carrier").isGreaterThan(50);
                assertThat(carrierEar.digits()).as("the keypad's digits reached the carrier").isEqualTo("123#");
            }
            awaitGone(app.callisto(), tenant, agentId);
            // second call: the caller hangs up (after three plays, about 21 s)
            try (SippProcess carrier = carrier(did, 3)) {
                BrowserMedia media = awaitMedia(app.callisto(), tenant, agentId);
                RtpBridge bridge = app.callisto().sip().relay().activeBridges().getFirst();
                await("SRTP decrypted from the browser", () -> media.packetsDecrypted() > 50, Duration.ofSeconds(20));
                await("RTP relayed to the browser", () -> media.packetsSent() > 50, Duration.ofSeconds(20));
                assertThat(media.authFailures()).as("SRTP authentication failures").isZero();
                // a prepared call's browser sends (silence) before the answer: the SRTP count alone does not say the call flows
                await("the carrier's audio in", () -> bridge.leg(Side.A).stats().get(LegCounter.RTP_RECEIVED) > 50,
                        Duration.ofSeconds(20));
                await("the browser's audio out", () -> bridge.leg(Side.A).stats().get(LegCounter.RTP_SENT) > 50,
                        Duration.ofSeconds(20));
                String second = browser.expect("CALL ", Duration.ofSeconds(90));
                assertThat(second).as(browser.log()).contains("\"hungUpBy\":\"caller\"")
                        .contains("\"disposition\":\"e2e-2\"");
                SippResult call = carrier.await(Duration.ofSeconds(30));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
            }
            awaitGone(app.callisto(), tenant, agentId);
            browser.expect("DONE", Duration.ofSeconds(60));
            assertThat(browser.exitStatus(Duration.ofSeconds(30))).as(browser.log()).isZero();
            com.fasterxml.jackson.databind.JsonNode records = api.get("/api/v1/calls", token).json().path("items");
            assertThat(records.size()).as(records.toString()).isEqualTo(2);
            List<String> sides = new java.util.ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode record : records) {
                assertThat(record.path("agentId").asText()).isEqualTo(agentId);
                sides.add(record.path("hangupSide").asText());
            }
            assertThat(sides).containsExactlyInAnyOrder("AGENT", "CALLER");
            // the wrap-ups' dispositions and notes are on the finished interactions (the history is written a moment
            // after the ACD's events)
            await("both dispositions stored", () -> dispositions(api, token).size() == 2, Duration.ofSeconds(20));
            assertThat(dispositions(api, token)).containsOnly(Map.entry("e2e-1", "call 1, hung up by the agent"),
                    Map.entry("e2e-2", "call 2, hung up by the caller"));
        }
    }

    /**
     * A browser killed mid-call (no hang-up, no WebSocket close, no ICE or DTLS goodbye): the gateway notices when its
     * ICE consent checks go unanswered, waits the re-attach grace for a reloaded page, then hangs up the caller (BYE,
     * cause 408, the system's doing), sets the agent away so that no further call is offered to a desk nobody is at,
     * and leaves no call, bridge or media behind.
     */
    @Test
    void aBrowserThatVanishesMidCallIsHungUpAfterTheGraceTheAgentSetAwayAndNothingLeaks() throws Exception {
        ApiClient api = app.client();
        BrowserAgentTenant f = fixture(api);
        Path out = Files.createDirectories(Path.of("target", "e2e").toAbsolutePath());
        Path wav = out.resolve("tone-440.wav");
        Files.write(wav, TestTone.wav(440, 10));
        try (DesktopScript browser = DesktopScript.start(Map.of("BASE_URL", api.base(), "AGENT_EMAIL", f.agentEmail(),
                "AGENT_PASSWORD", PASSWORD, "FAKE_AUDIO", wav.toString(), "CALLS", "vanish"), out, "softphone-vanish")) {
            browser.expect("READY", Duration.ofSeconds(90));
            // the caller would talk for about 84 s: the gateway must hang up well before
            try (SippProcess carrier = carrier(f.did(), 12)) {
                assertThat(browser.expect("CALL ", Duration.ofSeconds(90))).contains("\"hungUpBy\":\"vanish\"");
                long vanished = System.nanoTime();
                assertThat(browser.exitStatus(Duration.ofSeconds(30))).as(browser.log()).isZero();
                SippResult call = carrier.await(Duration.ofSeconds(90));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
                long seconds = Duration.ofNanos(System.nanoTime() - vanished).toSeconds();
                System.getLogger(SoftphoneBrowserIT.class.getName()).log(System.Logger.Level.INFO,
                        "vanished browser: the caller was hung up " + seconds + " s after the browser was killed");
            }
            awaitGone(app.callisto(), f.tenant(), f.agentId());
            com.fasterxml.jackson.databind.JsonNode record = api.get("/api/v1/calls", f.token()).json().path("items")
                    .path(0);
            assertThat(record.path("hangupSide").asText()).as(record.toString()).isEqualTo("SYSTEM");
            assertThat(record.path("sipCause").asInt()).as(record.toString()).isEqualTo(408);
            assertThat(record.path("disposition").asText()).isEqualTo("ANSWERED");
            // the wrap-up runs (nobody is there to end it); behind it the agent is away
            String agentState = "/api/v1/agents/" + f.agentId() + "/state";
            assertThat(api.get(agentState, f.token()).json().path("state").asText()).isEqualTo("WRAP_UP");
            assertThat(api.send("POST", "/api/v1/agents/" + f.agentId() + "/wrap-up/finish", f.token(), null, null)
                    .status()).isEqualTo(200);
            com.fasterxml.jackson.databind.JsonNode state = api.get(agentState, f.token()).json();
            assertThat(state.path("state").asText()).as(state.toString()).isEqualTo("AWAY");
            assertThat(state.path("reason").asText()).as(state.toString()).isEqualTo("phone-unreachable");
            assertThat(app.callisto().softphones().mediaOf(f.tenant(), f.agentId())).isEmpty();
        }
    }

    /** Disposition to notes of the tenant's finished interactions that have one. */
    private static Map<String, String> dispositions(ApiClient api, String token) {
        Map<String, String> found = new java.util.HashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode i : api.get("/api/v1/interactions", token).json().path("items")) {
            if (i.hasNonNull("disposition")) {
                found.put(i.path("disposition").asText(), i.path("notes").asText());
            }
        }
        return found;
    }

    private static BrowserAgentTenant fixture(ApiClient api) {
        return BrowserAgentTenant.create(api, "127.0.0.1", PASSWORD);
    }

    private SippProcess carrier(String did, int plays) {
        return Sipp.scenario("carrier_browser_call.xml").remote("127.0.0.1", app.callisto().sip().sipPort())
                .service(did).set("plays", plays).rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(120))
                .start();
    }
}
