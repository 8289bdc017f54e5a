package io.callisto.dist;

import static io.callisto.dist.SoftphoneWaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.gateway.sipp.RtpEndpoint;
import io.callisto.gateway.sipp.Sipp;
import io.callisto.gateway.sipp.SippProcess;
import io.callisto.platform.testing.ApiClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name keeps it out of the suite): what {@code -Dbench.agents} (default 10) concurrent
 * browser calls cost the gateway. That many agents sit in one headless Chromium (a page each, e2e/softphone-load.mjs);
 * sipp places one carrier call per agent; once every call has audio both ways, the process's CPU time over a window
 * and its live heap after a full GC are compared with the same agents idle. Callisto runs in this JVM, so the
 * figures include the test's carrier-side RTP sinks (50 packets a second per call, received and counted), which
 * makes them an upper bound for the gateway. Chromium's own CPU is reported beside them.
 * With {@code -Dbench.warmupSeconds} the calls run that long before the window, so that the JIT has compiled the
 * per-packet loops (ice4j's receive loops reach on-stack replacement only after tens of thousands of packets).
 * Run: {@code ./mvnw -o -pl infra/dist verify -Dit.test=SoftphoneLoadBench -Dtest=NONE -Dbench.agents=10}; the
 * table goes to target/bench/softphone-load.md.
 */
class SoftphoneLoadBench {
    private static final String PASSWORD = "Str0ng-Passw0rd!";
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(SoftphoneLoadBench.class.getName());

    @Test
    void costPerConcurrentBrowserCall() throws Exception {
        int agents = Integer.getInteger("bench.agents", 10);
        int warmUp = Integer.getInteger("bench.warmupSeconds", 0);
        // the caller talks (7 s a play) through setup, the warm-up, the window and the idle sample after it
        int plays = 10 + agents / 3 + (warmUp + 6) / 7;
        Path out = Files.createDirectories(Path.of("target", "bench").toAbsolutePath());
        Path wav = out.resolve("tone-440.wav");
        Files.write(wav, TestTone.wav(440, 10));
        try (RunningCallisto app = RunningCallisto.start(RunningCallisto.Database.H2, Map.of("CALLISTO_RTP_PORTS",
                "36000-36999"))) {
            ApiClient api = app.client();
            BrowserAgentTenant f = BrowserAgentTenant.create(api, "127.0.0.1", PASSWORD);
            List<String> emails = moreAgents(api, f, agents, PASSWORD);
            try (DesktopScript browsers = DesktopScript.run("e2e/softphone-load.mjs", List.of(), Map.of("BASE_URL",
                    api.base(), "AGENT_EMAILS", String.join(",", emails), "AGENT_PASSWORD", PASSWORD, "FAKE_AUDIO",
                    wav.toString()), out, "softphone-load")) {
                browsers.expect("READY", Duration.ofSeconds(60L + 15L * agents));
                Thread.sleep(5_000);
                Sample idle = Sample.take();
                List<SippProcess> carriers = new ArrayList<>();
                try {
                    for (int i = 0; i < agents; i++) {
                        carriers.add(Sipp.scenario("carrier_browser_call.xml").remote("127.0.0.1",
                                app.callisto().sip().sipPort()).service(f.did()).set("plays", plays)
                                .rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(300L + warmUp))
                                .start());
                        Thread.sleep(300);
                    }
                    for (int i = 0; i < agents; i++) {
                        browsers.expect("CALL ", Duration.ofSeconds(120));
                    }
                    await("every call on a softphone", () -> app.callisto().softphones().activeCalls() == agents,
                            Duration.ofSeconds(30));
                    Thread.sleep(3_000 + warmUp * 1_000L);
                    Sample loaded = Sample.take();
                    assertThat(app.callisto().softphones().activeCalls()).as("the calls lasted the window")
                            .isEqualTo(agents);
                    String table = table(agents, warmUp, idle, loaded);
                    Files.writeString(out.resolve("softphone-load.md"), table);
                    LOG.log(System.Logger.Level.INFO, "\n" + table);
                    for (SippProcess carrier : carriers) {
                        assertThat(carrier.await(Duration.ofSeconds(240L + warmUp)).isSuccess()).isTrue();
                    }
                } finally {
                    carriers.forEach(SippProcess::close);
                }
                browsers.expect("DONE", Duration.ofSeconds(120));
            }
        }
    }

    /**
     * The tenant's agent and {@code count - 1} more in its queue, with a seat for each (the sign-up's lease is
     * smaller); their e-mail addresses.
     */
    static List<String> moreAgents(ApiClient api, BrowserAgentTenant f, int count, String password) {
        assertThat(api.json("PUT", "/api/v1/seats", f.token(), Map.of("leased", count)).status()).isEqualTo(200);
        String queueId = api.get("/api/v1/queues", f.token()).json().path("items").path(0).path("id").asText();
        List<String> emails = new ArrayList<>(List.of(f.agentEmail()));
        for (int i = 1; i < count; i++) {
            String email = "agent" + i + "-" + System.nanoTime() + "@example.test";
            String userId = api.json("POST", "/api/v1/users", f.token(), Map.of("email", email, "name", "Agent " + i,
                    "password", password, "roles", List.of("AGENT"))).text("id");
            assertThat(api.json("POST", "/api/v1/agents", f.token(), Map.of("userId", userId, "queueIds",
                    List.of(queueId))).status()).isEqualTo(201);
            emails.add(email);
        }
        return emails;
    }

    private static String table(int agents, int warmUp, Sample idle, Sample loaded) {
        double seconds = WINDOW.toMillis() / 1000.0;
        double jvmIdle = idle.jvmCpuMs / seconds;
        double jvmLoaded = loaded.jvmCpuMs / seconds;
        double chromeIdle = idle.chromiumCpuMs / seconds;
        double chromeLoaded = loaded.chromiumCpuMs / seconds;
        return String.format(java.util.Locale.ROOT, "%d concurrent browser calls, %s, window %d s after a warm-up of %d s"
                        + "%n%n"
                        + "| | idle (agents signed in) | %d calls | per call |%n|---|---:|---:|---:|%n"
                        + "| Callisto JVM CPU, ms per s | %.1f | %.1f | %.2f |%n"
                        + "| Callisto JVM live heap after GC, MB | %.1f | %.1f | %.1f KB |%n"
                        + "| Chromium CPU (all its processes), ms per s | %.1f | %.1f | %.2f |%n",
                agents, Instant.now(), WINDOW.toSeconds(), warmUp, agents, jvmIdle, jvmLoaded, (jvmLoaded - jvmIdle) / agents,
                idle.heapBytes / 1048576.0, loaded.heapBytes / 1048576.0,
                (loaded.heapBytes - idle.heapBytes) / 1024.0 / agents, chromeIdle, chromeLoaded,
                (chromeLoaded - chromeIdle) / agents);
    }

    /** CPU used over {@link #WINDOW} by this JVM and by Chromium, and this JVM's live heap after a full GC. */
    private record Sample(double jvmCpuMs, double chromiumCpuMs, long heapBytes) {
        static Sample take() throws InterruptedException, IOException {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long jvm0 = os.getProcessCpuTime();
            long chromium0 = chromiumTicks();
            Thread.sleep(WINDOW.toMillis());
            long jvm1 = os.getProcessCpuTime();
            long chromium1 = chromiumTicks();
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(300);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new Sample((jvm1 - jvm0) / 1e6, (chromium1 - chromium0) * 10.0, heap);
        }

        /** utime + stime of every Chromium process, in clock ticks (100 a second on Linux). */
        private static long chromiumTicks() throws IOException {
            long ticks = 0;
            try (var entries = Files.list(Path.of("/proc"))) {
                for (Path dir : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        if (comm.startsWith("chrom")) {
                            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks;
        }
    }
}
