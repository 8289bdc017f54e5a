package io.callisto.dist;

import static io.callisto.dist.SoftphoneWaits.await;
import static io.callisto.dist.SoftphoneWaits.awaitGone;
import static io.callisto.dist.SoftphoneWaits.awaitMedia;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.gateway.media.rtp.LegCounter;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.media.webrtc.BrowserMedia;
import io.callisto.gateway.sipp.RtpSinkMain;
import io.callisto.gateway.sipp.Sipp;
import io.callisto.gateway.sipp.SippProcess;
import io.callisto.gateway.sipp.SippResult;
import io.callisto.platform.testing.ApiClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser agent end to end across a real link, the layout a deployment has: the test makes a network namespace
 * joined to the host by a veth pair; headless Chromium (the real agent desktop) and the carrier (sipp, and the RTP
 * endpoint that hears what the gateway sends it) run inside the namespace; Callisto's HTTP, SIP and media listen on
 * the host side only ({@code CALLISTO_HTTP_HOST}, {@code CALLISTO_SIP_HOST}, {@code CALLISTO_MEDIA_HOST}), and ICE
 * pairs only within that side's network (the default). The page is plain HTTP on the veth address, so Chromium is told
 * to treat that origin as secure for getUserMedia. Nothing goes over loopback between the browser, the carrier and the
 * gateway.
 */
class SoftphoneNetnsIT {
    private static final String PASSWORD = "Str0ng-Passw0rd!";
    private static NetNamespace ns;
    private static RunningCallisto app;

    @BeforeAll
    static void start() throws Exception {
        assertThat(NetNamespace.available()).as("root and iproute2, to create the test's network namespace").isTrue();
        ns = NetNamespace.create();
        app = RunningCallisto.start(RunningCallisto.Database.H2, Map.of("CALLISTO_RTP_PORTS", "34000-34999",
                "CALLISTO_HTTP_HOST", ns.hostAddress(), "CALLISTO_SIP_HOST", ns.hostAddress(),
                "CALLISTO_MEDIA_HOST", ns.hostAddress()));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void aCarriersCallFromAnotherNetworkIsAnsweredInABrowserOnAnotherNetworkWithAudioBothWaysAndDtmf() throws Exception {
        assertThat(Sipp.available()).as("sipp (Debian sip-tester; the test command installs it)").isTrue();
        ApiClient api = app.client();
        assertThat(api.base()).contains(ns.hostAddress());
        BrowserAgentTenant f = BrowserAgentTenant.create(api, ns.namespaceAddress(), PASSWORD);
        Path out = Files.createDirectories(Path.of("target", "e2e").toAbsolutePath());
        Path wav = out.resolve("tone-440.wav");
        Files.write(wav, TestTone.wav(440, 10));
        int mediaBase = 40_000 + 10 * ThreadLocalRandom.current().nextInt(1000);
        try (DesktopScript browser = DesktopScript.start(ns.exec(), Map.of("BASE_URL", api.base(), "AGENT_EMAIL",
                f.agentEmail(), "AGENT_PASSWORD", PASSWORD, "FAKE_AUDIO", wav.toString(), "CALLS", "caller", "WRAPUP",
                "required"), out, "softphone-netns");
             NamespacedSink carrierEar = NamespacedSink.start(ns, mediaBase + 4)) {
            browser.expect("READY", Duration.ofSeconds(90));
            // the caller talks for three plays (about 21 s), then hangs up
            try (SippProcess carrier = Sipp.scenario("carrier_browser_call.xml")
                    .inNamespace(ns.name(), ns.namespaceAddress(), ns.hostAddress(), app.callisto().sip().sipPort())
                    .service(f.did()).set("plays", 3).mediaPort(mediaBase).timeout(Duration.ofSeconds(120)).start()) {
                BrowserMedia media = awaitMedia(app.callisto(), f.tenant(), f.agentId());
                RtpBridge bridge = app.callisto().sip().relay().activeBridges().getFirst();
                await("SRTP decrypted from the browser", () -> media.packetsDecrypted() > 50, Duration.ofSeconds(20));
                await("RTP relayed to the browser", () -> media.packetsSent() > 50, Duration.ofSeconds(20));
                assertThat(media.remoteAddress()).as("ICE paired with the browser's namespace address")
                        .map(InetSocketAddress::getHostString).contains(ns.namespaceAddress());
                assertThat(media.authFailures()).as("SRTP authentication failures").isZero();
                // a prepared call's browser sends (silence) before the answer: the SRTP count alone does not say the call flows
                await("the carrier's audio in", () -> bridge.leg(Side.A).stats().get(LegCounter.RTP_RECEIVED) > 50,
                        Duration.ofSeconds(20));
                await("the browser's audio out", () -> bridge.leg(Side.A).stats().get(LegCounter.RTP_SENT) > 50,
                        Duration.ofSeconds(20));
                String call = browser.expect("CALL ", Duration.ofSeconds(90));
                assertThat(call).as(browser.log()).contains("\"hungUpBy\":\"caller\"")
                        .contains("\"disposition\":\"e2e-1\"").contains("\"dtlsState\":\"connected\"");
                SippResult result = carrier.await(Duration.ofSeconds(30));
                assertThat(result.isSuccess()).as(result.screen()).isTrue();
            }
            NamespacedSink.Report heard = carrierEar.report();
            assertThat(heard.packets()).as("the browser's audio reached the carrier in the namespace").isGreaterThan(50);
            assertThat(heard.digits()).as("the keypad's digits reached the carrier").isEqualTo("123#");
            awaitGone(app.callisto(), f.tenant(), f.agentId());
            browser.expect("DONE", Duration.ofSeconds(60));
            assertThat(browser.exitStatus(Duration.ofSeconds(30))).as(browser.log()).isZero();
            com.fasterxml.jackson.databind.JsonNode record = api.get("/api/v1/calls", f.token()).json().path("items")
                    .path(0);
            assertThat(record.path("hangupSide").asText()).as(record.toString()).isEqualTo("CALLER");
            assertThat(record.path("from").asText()).isEqualTo("+15550000001");
        }
    }



    /** {@link RtpSinkMain} running inside the namespace, where the carrier's SDP says its media is. */
    private static final class NamespacedSink implements AutoCloseable {
        private final Process process;
        private final BufferedReader output;
        private final Writer input;

        record Report(long packets, String digits) {
        }

        private NamespacedSink(Process process) {
            this.process = process;
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        static NamespacedSink start(NetNamespace ns, int port) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = ns.exec(java, "-cp", System.getProperty("java.class.path"),
                    RtpSinkMain.class.getName(), ns.namespaceAddress(), Integer.toString(port));
            NamespacedSink sink = new NamespacedSink(new ProcessBuilder(command).redirectErrorStream(true).start());
            String first = sink.output.readLine();
            if (!"READY".equals(first)) {
                sink.close();
                throw new IOException("the RTP sink in " + ns.name() + " did not start: " + first);
            }
            return sink;
        }

        Report report() throws IOException {
            input.write("report\n");
            input.flush();
            String[] line = output.readLine().split(" ");
            return new Report(Long.parseLong(line[1]), "-".equals(line[2]) ? "" : line[2]);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
