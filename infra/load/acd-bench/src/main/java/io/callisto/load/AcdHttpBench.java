package io.callisto.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ACD end to end: against running platform nodes (infra/load/acd-http.sh starts them), signs up tenants with
 * agents over the REST API, connects every agent's events WebSocket, sets them AVAILABLE, then posts tasks at a
 * rising rate ({@link StepRunner}) and measures POST send to the {@code interaction.offered} message on the
 * offered agent's socket. Writes a markdown report. See infra/load/README.md.
 */
public final class AcdHttpBench {
    private static final System.Logger LOG = System.getLogger(AcdHttpBench.class.getName());

    private AcdHttpBench() {
    }

    /** The run's configuration, from the command line. */
    private record Config(List<String> bases, Map<String, Long> nodes, int tenants, int agents, int capacity,
                          List<Integer> steps, long handleMillis, int setupConcurrency, Path out, StepRunner.Limits limits,
                          Map<String, String> given) {
        static Config parse(String[] argv) {
            Args a = new Args(argv);
            Map<String, Long> nodes = new LinkedHashMap<>();
            List<String> pids = a.strings("node-pids", "");
            for (int i = 0; i < pids.size(); i++) {
                nodes.put("node-" + (i + 1), Long.parseLong(pids.get(i)));
            }
            Config c = new Config(a.strings("base", "http://127.0.0.1:8080"), nodes, a.integer("tenants", 20),
                    a.integer("agents", 10), a.integer("chat-capacity", 3), a.integers("steps", "50,100,200,400"),
                    a.number("handle-ms", 100), a.integer("setup-concurrency", 4),
                    Path.of(a.string("out", "acd-http-results.md")),
                    new StepRunner.Limits(Duration.ofSeconds(a.number("step-seconds", 20)),
                            Duration.ofSeconds(a.number("warmup-seconds", 30)),
                            Duration.ofSeconds(a.number("drain-seconds", 10)), a.decimal("max-p99-ms", 50),
                            a.decimal("max-errors", 0.01), a.decimal("min-achieved", 0.9)), a.given());
            a.requireAllUsed();
            return c;
        }
    }

    public static void main(String[] argv) throws Exception {
        Config c = Config.parse(argv);
        HttpApi api = new HttpApi();
        String run = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
        HttpSetup setup = new HttpSetup(api, c.bases(), run, c.agents(), c.capacity());
        LOG.log(System.Logger.Level.INFO, "signing up {0} tenants x {1} agents on {2}", c.tenants(), c.agents(), c.bases());
        long t0 = System.nanoTime();
        List<HttpSetup.Tenant> tenants = setup.run(c.tenants(), c.setupConcurrency());
        double setupSeconds = (System.nanoTime() - t0) / 1e9;

        HttpWorkload workload = new HttpWorkload(api, tenants, c.handleMillis());
        List<AgentSocket> sockets = new ArrayList<>();
        t0 = System.nanoTime();
        try {
            connect(api, setup, tenants, workload, sockets, c.setupConcurrency() * 4);
            double connectSeconds = (System.nanoTime() - t0) / 1e9;
            List<StepStats> steps = new StepRunner(workload, new CpuMeter(c.nodes(), true), c.limits()).run(c.steps());
            report(c, setupSeconds, connectSeconds, sockets.size(), steps);
        } finally {
            sockets.forEach(AgentSocket::close);
        }
    }

    /** Every agent's socket (waiting for its hello), then the agent AVAILABLE: events can only come after. */
    private static void connect(HttpApi api, HttpSetup setup, List<HttpSetup.Tenant> tenants, HttpWorkload workload,
                                List<AgentSocket> sockets, int concurrency) throws Exception {
        List<Future<AgentSocket>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency, Thread.ofVirtual().factory())) {
            for (HttpSetup.Tenant tenant : tenants) {
                for (HttpSetup.Agent agent : tenant.agents()) {
                    futures.add(pool.submit(() -> {
                        AgentSocket socket = AgentSocket.connect(api.client(), agent, workload);
                        setup.available(agent);
                        return socket;
                    }));
                }
            }
            for (Future<AgentSocket> f : futures) {
                sockets.add(f.get());
            }
        }
        LOG.log(System.Logger.Level.INFO, "{0} agent sockets connected, agents AVAILABLE", sockets.size());
    }

    private static void report(Config c, double setupSeconds, double connectSeconds, int sockets, List<StepStats> steps)
            throws java.io.IOException {
        new Report().line("# ACD end-to-end benchmark (HTTP and the events WebSocket)").line("")
                .format("- **When:** %s; %d cores, %s, Java %s", Instant.now(), Runtime.getRuntime().availableProcessors(),
                        System.getProperty("os.name") + " " + System.getProperty("os.version"), Runtime.version())
                .format("- **Nodes:** %s %s", c.bases(), c.nodes())
                .format("- **Tenants:** %d x %d agents (CHAT capacity %d), one LONGEST_IDLE queue each; handle time %d ms",
                        c.tenants(), c.agents(), c.capacity(), c.handleMillis())
                .format("- **Setup:** sign-up, queue, %d users (Argon2) and agents, tokens: %.1f s (%d tenants at a time); "
                        + "%d sockets connected and agents set AVAILABLE in %.1f s", c.tenants() * c.agents(),
                        setupSeconds, c.setupConcurrency(), sockets, connectSeconds)
                .format("- **Steps:** %s /s, %d s each after %d s of warm-up; drain %d s; stop when p99 > %.1f ms, "
                        + "failures > %.2f%% or decisions < %.0f%% of the target", c.steps(),
                        c.limits().step().toSeconds(), c.limits().warmup().toSeconds(), c.limits().drain().toSeconds(),
                        c.limits().maxP99Millis(), c.limits().maxFailureRate() * 100, c.limits().minAchieved() * 100)
                .format("- **Options:** `%s`", new TreeMap<>(c.given()))
                .line("").line("## Offers end to end").line("")
                .line("Offer latency: the POST /api/v1/interactions's scheduled send time to the `interaction.offered` "
                        + "message's arrival on the offered agent's WebSocket. POST and accept: HTTP round trips. All in ms."
                        + " Commands/s counts successful POSTs, accepts and completes.")
                .steps(steps, "POST RTT", "accept RTT")
                .write(c.out());
    }
}
