package io.callisto.dist;

import static io.callisto.dist.SoftphoneWaits.awaitGone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callisto.gateway.sipp.RtpEndpoint;
import io.callisto.gateway.sipp.Sipp;
import io.callisto.gateway.sipp.SippProcess;
import io.callisto.platform.testing.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name keeps it out of the suite): how long from the agent's click on Answer in the real
 * desktop until the browser has ICE, DTLS, the first RTP packet and the first sound of the caller, over
 * {@code -Dbench.calls} (default 20) calls one after another, timed inside the page (see e2e/softphone-call.mjs).
 * The SDK prepares a ringing call's media ({@code preconnect}), so ICE and DTLS are usually up before the click;
 * {@code setupMs} is how long that media took to connect from its peer connection's creation. The agent clicks
 * {@code -Dbench.answerDelayMs} (default 1000) after the call shows as ringing.
 * Run: {@code ./mvnw -o -pl infra/dist verify -Dit.test=SoftphoneAnswerBench -Dtest=NONE -Dbench.calls=20}; the
 * table goes to target/bench/softphone-answer.md. Everything on 127.0.0.1, as the desktop test.
 */
class SoftphoneAnswerBench {
    private static final String PASSWORD = "Str0ng-Passw0rd!";
    private static final List<String> MEASURES = List.of("iceConnectedMs", "dtlsConnectedMs", "firstPacketMs",
            "firstSoundMs", "setupMs");

    @Test
    void answerToAudio() throws Exception {
        int calls = Integer.getInteger("bench.calls", 20);
        Path out = Files.createDirectories(Path.of("target", "bench").toAbsolutePath());
        Path wav = out.resolve("tone-440.wav");
        Files.write(wav, TestTone.wav(440, 10));
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        MEASURES.forEach(m -> samples.put(m, new ArrayList<>()));
        try (RunningCallisto app = RunningCallisto.start(RunningCallisto.Database.H2, Map.of("CALLISTO_RTP_PORTS",
                "35000-35999"))) {
            ApiClient api = app.client();
            BrowserAgentTenant f = BrowserAgentTenant.create(api, "127.0.0.1", PASSWORD);
            try (DesktopScript browser = DesktopScript.start(Map.of("BASE_URL", api.base(), "AGENT_EMAIL", f.agentEmail(),
                    "AGENT_PASSWORD", PASSWORD, "FAKE_AUDIO", wav.toString(), "CALLS",
                    String.join(",", Collections.nCopies(calls, "agent")), "WRAPUP", "required", "ANSWER_DELAY_MS",
                    JanusSideBySideBench.answerDelay()), out, "softphone-bench")) {
                browser.expect("READY", Duration.ofSeconds(90));
                ObjectMapper json = new ObjectMapper();
                for (int i = 0; i < calls; i++) {
                    try (SippProcess carrier = Sipp.scenario("carrier_browser_call.xml")
                            .remote("127.0.0.1", app.callisto().sip().sipPort()).service(f.did()).set("plays", 8)
                            .rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(120)).start()) {
                        JsonNode timing = json.readTree(browser.expect("CALL ", Duration.ofSeconds(90)).substring(5))
                                .path("timing");
                        MEASURES.forEach(m -> samples.get(m).add(timing.path(m).asDouble(Double.NaN)));
                        assertThat(carrier.await(Duration.ofSeconds(30)).isSuccess()).isTrue();
                    }
                    awaitGone(app.callisto(), f.tenant(), f.agentId());
                }
            }
        }
        String table = table(calls, samples);
        Files.writeString(out.resolve("softphone-answer.md"), table);
        System.getLogger(SoftphoneAnswerBench.class.getName()).log(System.Logger.Level.INFO, "\n" + table);
    }

    private static String table(int calls, Map<String, List<Double>> samples) {
        StringBuilder t = new StringBuilder("answer click to ..., " + calls + " calls, " + Instant.now() + "\n\n"
                + "| measure | p50 ms | p90 ms | max ms | missing |\n|---|---:|---:|---:|---:|\n");
        samples.forEach((name, values) -> {
            List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
            t.append("| ").append(name).append(" | ").append(percentile(sorted, 0.5)).append(" | ")
                    .append(percentile(sorted, 0.9)).append(" | ").append(percentile(sorted, 1.0)).append(" | ")
                    .append(values.size() - sorted.size()).append(" |\n");
        });
        return t.toString();
    }

    private static String percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return String.format(java.util.Locale.ROOT, "%.0f", sorted.get(Math.max(0, index)));
    }
}
