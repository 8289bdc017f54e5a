package io.callisto.dist;

import static io.callisto.dist.SoftphoneWaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callisto.gateway.media.audio.G711;
import io.callisto.gateway.sipp.Sipp;
import io.callisto.gateway.sipp.SippProcess;
import io.callisto.platform.testing.ApiClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name keeps it out of the suite): Callisto's WebRTC edge and Janus 1.1.2's SIP plugin
 * (Debian's janus, with Kamailio as the registrar its SIP user agents register with) in one run, on the same layout:
 * the browsers (one headless Chromium, a page per agent) and the sipp carrier in a network namespace, each gateway on
 * the host side of the veth pair (Janus skips loopback interfaces). The same carrier scenario (a continuous RTP stream,
 * sipp's rtp_stream) calls {@code -Dbench.agents} (default 5) agents at once; each page answers the way the
 * Callisto desktop does (getUserMedia, a peer connection, trickled candidates) and times, from Answer, ICE, DTLS, the
 * first packet and the first sound ({@code setupMs}: Callisto's media, prepared while the call rang, from the
 * peer connection's creation to connected; Janus 1.1.2's SIP plugin has no such step). With every call up, each
 * gateway's CPU is read over a window and its memory (Callisto: live heap after a full GC and the process's RSS;
 * Janus: RSS) against the same agents idle. The warm-up round's calls last {@code -Dbench.warmupSeconds} (default 15):
 * a few minutes let the JIT compile Callisto's per-packet path before anything is measured.
 * Callisto runs in this JVM: its CPU figure includes the benchmark's own (small) bookkeeping. Run (as root):
 * {@code ./mvnw -o -pl infra/dist verify -Dit.test=JanusSideBySideBench -Dtest=NONE -Dbench.agents=5}; the table
 * goes to target/bench/janus-side-by-side.md.
 */
class JanusSideBySideBench {
    private static final String PASSWORD = "Str0ng-Passw0rd!";
    private static final Duration WINDOW = Duration.ofSeconds(20);
    private static final List<String> MEASURES = List.of("iceConnectedMs", "dtlsConnectedMs", "firstPacketMs",
            "firstSoundMs", "setupMs");
    private static final System.Logger LOG = System.getLogger(JanusSideBySideBench.class.getName());

    /** One gateway's figures. */
    private record Result(Map<String, List<Double>> timings, double cpuIdleMsPerS, double cpuLoadedMsPerS,
                          long memoryIdle, long memoryLoaded, long rssIdle, long rssLoaded) {
    }

    @Test
    void callistoBesideJanus() throws Exception {
        int agents = Integer.getInteger("bench.agents", 5);
        assertThat(Path.of("/usr/bin/janus")).as("Debian's janus").exists();
        Path out = Files.createDirectories(Path.of("target", "bench").toAbsolutePath());
        Path wav = out.resolve("tone-440.wav");
        Files.write(wav, TestTone.wav(440, 10));
        try (NetNamespace ns = NetNamespace.create()) {
            Result callisto = callisto(ns, agents, out, wav);
            Result janus = janus(ns, agents, out, wav);
            String table = table(agents, callisto, janus);
            Files.writeString(out.resolve("janus-side-by-side.md"), table);
            LOG.log(System.Logger.Level.INFO, "\n" + table);
        }
    }

    private Result callisto(NetNamespace ns, int agents, Path out, Path wav) throws Exception {
        try (RunningCallisto app = RunningCallisto.start(RunningCallisto.Database.H2, Map.of("CALLISTO_RTP_PORTS",
                "37000-37999", "CALLISTO_HTTP_HOST", ns.hostAddress(), "CALLISTO_SIP_HOST", ns.hostAddress(),
                "CALLISTO_MEDIA_HOST", ns.hostAddress()))) {
            ApiClient api = app.client();
            BrowserAgentTenant f = BrowserAgentTenant.create(api, ns.namespaceAddress(), PASSWORD);
            List<String> emails = SoftphoneLoadBench.moreAgents(api, f, agents, PASSWORD);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            try (DesktopScript browsers = DesktopScript.run("e2e/softphone-load.mjs", ns.exec(), Map.of("BASE_URL",
                    api.base(), "AGENT_EMAILS", String.join(",", emails), "AGENT_PASSWORD", PASSWORD, "FAKE_AUDIO",
                    wav.toString(), "ROUNDS", "2", "ANSWER_DELAY_MS", answerDelay()), out, "side-by-side-callisto")) {
                browsers.expect("READY", Duration.ofSeconds(60L + 15L * agents));
                return measure(browsers, agents, os::getProcessCpuTime, JanusSideBySideBench::heapAfterGc,
                        () -> rss(ProcessHandle.current().pid()), (i, seconds) -> carrierTo(ns,
                                app.callisto().sip().sipPort(), f.did(), seconds, out));
            }
        }
    }

    /** The agents' reaction time, the same for both gateways: {@code -Dbench.answerDelayMs} (default 1000). */
    static String answerDelay() {
        return Integer.toString(Integer.getInteger("bench.answerDelayMs", 1000));
    }

    private Result janus(NetNamespace ns, int agents, Path out, Path wav) throws Exception {
        Path dir = Files.createDirectories(out.resolve("janus"));
        JanusConfig.write(dir, ns.hostAddress());
        Process kamailio = new ProcessBuilder("kamailio", "-f", dir.resolve("kamailio.cfg").toString(), "-DD", "-E",
                "-w", dir.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("kamailio.log").toFile())
                .start();
        Process janus = new ProcessBuilder("janus", "-C", dir.resolve("janus.jcfg").toString(), "-F", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("janus.log").toFile()).start();
        try {
            String api = "http://" + ns.hostAddress() + ":" + JanusConfig.HTTP_PORT + "/janus";
            await("Janus's HTTP API", () -> answers(api), Duration.ofSeconds(20));
            List<String> users = new ArrayList<>();
            for (int i = 1; i <= agents; i++) {
                users.add("agent" + i);
            }
            try (DesktopScript browsers = DesktopScript.run("e2e/janus-agent.mjs", ns.exec(), Map.of("JANUS", api,
                    "REGISTRAR", ns.hostAddress() + ":" + JanusConfig.SIP_PORT, "USERS", String.join(",", users),
                    "FAKE_AUDIO", wav.toString(), "ROUNDS", "2", "ANSWER_DELAY_MS", answerDelay()), out,
                    "side-by-side-janus")) {
                browsers.expect("READY", Duration.ofSeconds(60L + 10L * agents));
                long pid = janus.pid();
                return measure(browsers, agents, () -> cpuNanos(pid), () -> rss(pid), () -> rss(pid),
                        (i, seconds) -> carrierTo(ns, JanusConfig.SIP_PORT, "agent" + (i + 1), seconds, out));
            }
        } finally {
            janus.destroy();
            kamailio.descendants().forEach(ProcessHandle::destroy);
            kamailio.destroy();
            janus.waitFor();
            kamailio.waitFor();
        }
    }

    /** Places one call per agent, talking for a number of seconds. */
    @FunctionalInterface
    private interface Carrier {
        SippProcess call(int agent, int seconds);
    }

    /**
     * A warm-up round of short calls (the JVM compiles its media path; Janus gets the same round), an idle window,
     * then one call per agent: the answers' timings, and a window with every call up.
     */
    private static Result measure(DesktopScript browsers, int agents, LongSupplier cpuNanos, LongSupplier memory,
                                  LongSupplier rss, Carrier carrier) throws Exception {
        round(browsers, agents, carrier, Integer.getInteger("bench.warmupSeconds", 15), null, null);
        Thread.sleep(5_000);
        long memoryIdle = memory.getAsLong();
        long rssIdle = rss.getAsLong();
        double idle = cpuMsPerS(cpuNanos);
        Map<String, List<Double>> timings = new LinkedHashMap<>();
        MEASURES.forEach(m -> timings.put(m, new ArrayList<>()));
        double[] loaded = new double[1];
        long[] memoryLoaded = new long[2];
        round(browsers, agents, carrier, 60, () -> {
            Thread.sleep(3_000);
            loaded[0] = cpuMsPerS(cpuNanos);
            memoryLoaded[0] = memory.getAsLong();
            memoryLoaded[1] = rss.getAsLong();
        }, timings);
        browsers.expect("DONE", Duration.ofSeconds(120));
        return new Result(timings, idle, loaded[0], memoryIdle, memoryLoaded[0], rssIdle, memoryLoaded[1]);
    }

    /** What runs while a round's calls are all up. */
    @FunctionalInterface
    private interface WhileUp {
        void run() throws Exception;
    }

    /** One call per agent; their timings go to {@code timings} (unless null) once {@code whileUp} ran. */
    private static void round(DesktopScript browsers, int agents, Carrier carrier, int seconds, WhileUp whileUp,
                              Map<String, List<Double>> timings) throws Exception {
        List<SippProcess> carriers = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> answered = new ArrayList<>();
        try {
            for (int i = 0; i < agents; i++) {
                carriers.add(carrier.call(i, seconds));
                Thread.sleep(500);
            }
            for (int i = 0; i < agents; i++) {
                answered.add(json.readTree(browsers.expect("CALL ", Duration.ofSeconds(120)).substring(5))
                        .path("timing"));
            }
            if (whileUp != null) {
                whileUp.run();
            }
            if (timings != null) {
                answered.forEach(t -> MEASURES.forEach(m -> timings.get(m).add(t.path(m).asDouble(Double.NaN))));
            }
            for (SippProcess call : carriers) {
                assertThat(call.await(Duration.ofSeconds(seconds + 120L)).isSuccess()).as("the carrier's call").isTrue();
            }
        } finally {
            carriers.forEach(SippProcess::close);
        }
    }

    /** The carrier in the namespace calling {@code user} at the host side's {@code port}, talking for a while. */
    private static SippProcess carrierTo(NetNamespace ns, int port, String user, int seconds, Path out) {
        try {
            Path work = Files.createTempDirectory(Files.createDirectories(out.resolve("carriers")), "call-");
            Files.write(work.resolve("voice.alaw"), voice());
            return Sipp.scenario("carrier_stream_call.xml").inNamespace(ns.name(), ns.namespaceAddress(),
                    ns.hostAddress(), port).service(user).set("seconds", seconds).workDir(work)
                    .timeout(Duration.ofSeconds(seconds + 180L)).start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Four seconds of a 440 Hz tone swelling and fading, in raw A-law (what sipp's rtp_stream plays). */
    private static byte[] voice() {
        byte[] alaw = new byte[8000 * 4];
        for (int i = 0; i < alaw.length; i++) {
            double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 0.5 * i / 8000);
            alaw[i] = G711.linearToAlaw((int) (6000 * envelope * Math.sin(2 * Math.PI * 440 * i / 8000)));
        }
        return alaw;
    }

    private static double cpuMsPerS(LongSupplier cpuNanos) throws InterruptedException {
        long before = cpuNanos.getAsLong();
        Thread.sleep(WINDOW.toMillis());
        return (cpuNanos.getAsLong() - before) / 1e6 / WINDOW.toSeconds();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** utime + stime of a process, in nanoseconds (clock ticks of 10 ms). */
    private static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The resident set of a process, in bytes. */
    private static long rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(0) * 1024;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean answers(String api) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"janus\":\"info\",\"transaction\":\"t\"}"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String table(int agents, Result callisto, Result janus) {
        StringBuilder t = new StringBuilder(String.format(java.util.Locale.ROOT, "%d concurrent browser calls per "
                + "gateway, %s, CPU windows of %d s%n%n| | Callisto | Janus 1.1.2 SIP plugin | Callisto / Janus |%n"
                + "|---|---:|---:|---:|%n", agents, Instant.now(), WINDOW.toSeconds()));
        for (String m : MEASURES) {
            double ours = median(callisto.timings().get(m));
            double theirs = median(janus.timings().get(m));
            t.append(String.format(java.util.Locale.ROOT, "| answer to %s, median ms | %.0f | %.0f | %.2f |%n", m,
                    ours, theirs, ours / theirs));
        }
        double ourCpu = (callisto.cpuLoadedMsPerS() - callisto.cpuIdleMsPerS()) / agents;
        double theirCpu = (janus.cpuLoadedMsPerS() - janus.cpuIdleMsPerS()) / agents;
        t.append(String.format(java.util.Locale.ROOT, "| CPU per call, ms per s | %.2f | %.2f | %.2f |%n", ourCpu,
                theirCpu, ourCpu / theirCpu));
        double ourRss = (callisto.rssLoaded() - callisto.rssIdle()) / 1024.0 / agents;
        double theirRss = (janus.rssLoaded() - janus.rssIdle()) / 1024.0 / agents;
        t.append(String.format(java.util.Locale.ROOT, "| resident memory per call, KB | %.0f | %.0f | %.2f |%n",
                ourRss, theirRss, ourRss / theirRss));
        t.append(String.format(java.util.Locale.ROOT, "| Callisto live heap per call (after GC), KB | %.0f | | |%n",
                (callisto.memoryLoaded() - callisto.memoryIdle()) / 1024.0 / agents));
        t.append(String.format(java.util.Locale.ROOT, "| idle CPU (agents registered), ms per s | %.1f | %.1f | |%n",
                callisto.cpuIdleMsPerS(), janus.cpuIdleMsPerS()));
        return t.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get((sorted.size() - 1) / 2);
    }
}
