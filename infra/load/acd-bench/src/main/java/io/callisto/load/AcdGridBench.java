package io.callisto.load;

import com.tangosol.net.CacheFactory;
import com.tangosol.net.Member;
import com.tangosol.net.NamedMap;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.ids.TenantId;
import io.callisto.grid.GridConfig;
import io.callisto.grid.GridNode;
import io.callisto.grid.acd.GridAcd;
import io.callisto.grid.acd.GridAcdEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ACD routing benchmark on the grid. Joins the benchmark's cluster as a storage-disabled member (through
 * {@link GridNode}, like a gateway), waits for the storage members ({@link AcdGridMember}, started by
 * infra/load/acd-grid.sh), sets up the tenants, measures the heap per logged-in agent, then offers interactions
 * at a rising rate ({@link StepRunner}) and writes a markdown report. See infra/load/README.md.
 */
public final class AcdGridBench {
    private static final System.Logger LOG = System.getLogger(AcdGridBench.class.getName());
    /** The grid's event and outbox maps (EventOutbox's names; package-private in the grid module). */
    private static final String EVENTS_MAP = "acd-events";
    private static final String OUTBOX_MAP = "acd-outbox";

    private AcdGridBench() {
    }

    /** The run's configuration, from the command line. */
    private record Config(String cluster, int clusterPort, int members, int tenants, int agents, int queues, int capacity,
                          RoutingStrategy strategy, List<Integer> steps, long handleMillis, int setupConcurrency,
                          Duration settle, boolean memory, Path histograms, Path out, StepRunner.Limits limits,
                          Map<String, String> given) {
        static Config parse(String[] argv) {
            Args a = new Args(argv);
            Config c = new Config(a.string("cluster", "acd-bench"), a.integer("cluster-port", 17574),
                    a.integer("members", 3), a.integer("tenants", 1000), a.integer("agents", 10),
                    a.integer("queues", 2), a.integer("chat-capacity", 3),
                    RoutingStrategy.valueOf(a.string("strategy", "LONGEST_IDLE").toUpperCase(Locale.ROOT)),
                    a.integers("steps", "100,200,500,1000,2000,5000,10000,15000,20000,30000"), a.number("handle-ms", 100),
                    a.integer("setup-concurrency", 64), Duration.ofSeconds(a.number("settle-seconds", 40)),
                    a.flag("memory", true), optionalPath(a.string("histograms", null)),
                    Path.of(a.string("out", "acd-grid-results.md")),
                    new StepRunner.Limits(Duration.ofSeconds(a.number("step-seconds", 20)),
                            Duration.ofSeconds(a.number("warmup-seconds", 120)),
                            Duration.ofSeconds(a.number("drain-seconds", 10)), a.decimal("max-p99-ms", 50),
                            a.decimal("max-errors", 0.01), a.decimal("min-achieved", 0.9)), a.given());
            a.requireAllUsed();
            return c;
        }
    }

    private static Path optionalPath(String dir) {
        return dir == null ? null : Path.of(dir);
    }

    public static void main(String[] argv) throws Exception {
        Config c = Config.parse(argv);
        try (GridNode node = GridNode.start(new GridConfig(c.cluster(), "127.0.0.1", "127.0.0.1", c.clusterPort(), false,
                "bench-driver"))) {
            run(c, node);
        }
    }

    private static void run(Config c, GridNode node) throws Exception {
        Map<String, Long> members = storageMembers(c.members(), Duration.ofMinutes(2));
        LOG.log(System.Logger.Level.INFO, "cluster {0}: storage members {1}", c.cluster(), members);
        GridAcd acd = new GridAcd(node, Clock.systemUTC());
        List<TenantId> tenants = GridSetup.tenants(c.tenants());
        Report report = header(c, members);

        // A few tenants first, so that one-time costs (code paths, serialization descriptors) are in the baseline.
        int prime = Math.clamp(c.tenants() / 50, Math.min(1, c.tenants() - 1), c.tenants() - 1);
        GridSetup setup = new GridSetup(acd, c.agents(), c.queues(), c.capacity(), c.strategy());
        LOG.log(System.Logger.Level.INFO, "setting up {0} tenants x {1} agents x {2} queues", c.tenants(), c.agents(),
                c.queues());
        long t0 = System.nanoTime();
        long commands = setup.run(tenants.subList(0, prime), c.setupConcurrency());
        long primeNanos = System.nanoTime() - t0;
        long heapBefore = c.memory() ? heapAfterSettling(node, members, c) : 0;
        t0 = System.nanoTime();
        commands += setup.run(tenants.subList(prime, tenants.size()), c.setupConcurrency());
        double setupSeconds = (System.nanoTime() - t0 + primeNanos) / 1e9;
        report.format("- **Setup:** %,d commands (SetSeats, ConfigureQueue, UpsertAgent, SetPresence AVAILABLE) in "
                + "%.1f s, %,.0f commands/s, %d tenants at a time.", commands, setupSeconds, commands / setupSeconds,
                c.setupConcurrency());

        report.line("").line("## Memory per logged-in agent").line("").line("| measure | value |").line("|---|---:|");
        TenantAcd sample = acd.snapshot(tenants.getFirst()).orElseThrow();
        if (c.memory()) {
            memory(report, node, members, heapBefore, (long) (c.tenants() - prime) * c.agents(), c);
        }
        NamedMap<String, byte[]> stored = node.map(GridAcd.MAP);
        long storedBytes = stored.aggregate(new StoredBytes());
        long allAgents = (long) c.tenants() * c.agents();
        report.format("| binary keys + values of the %,d tenant entries in the grid (primary copies; the backups are as "
                + "big again) | %,.2f MB = %,.0f bytes per agent, %,.0f with the backup |", c.tenants(), storedBytes / 1e6,
                storedBytes / (double) allAgents, 2.0 * storedBytes / allAgents);
        state(report, "after setup", sample, c.agents());

        GridWorkload workload = new GridWorkload(acd, tenants, c.queues(), c.handleMillis());
        AutoCloseable subscription = new GridAcdEvents(node::map).subscribe(workload);
        List<StepStats> steps;
        try {
            steps = new StepRunner(workload, new CpuMeter(members, false), c.limits()).run(c.steps());
        } finally {
            subscription.close();
        }
        state(report, "after the load (recent request ids, queue statistics)",
                acd.snapshot(tenants.getFirst()).orElseThrow(), c.agents());
        report.line("").line("## Routing under rising load").line("")
                .line("Offer latency: the Enqueue's scheduled send time to the Offered event's arrival in this driver's "
                        + "`GridAcdEvents` listener. Enqueue and Accept: command round trips. All in ms.")
                .steps(steps, "Enqueue RTT", "Accept RTT")
                .write(c.out());
    }

    private static Report header(Config c, Map<String, Long> members) {
        return new Report().line("# ACD grid benchmark").line("")
                .format("- **When:** %s; %d cores, %s, Java %s", Instant.now(), Runtime.getRuntime().availableProcessors(),
                        System.getProperty("os.name") + " " + System.getProperty("os.version"),
                        Runtime.version())
                .format("- **Cluster:** `%s`, %d storage members %s (AcdGridMember: timer, outbox drainer, hub listener "
                        + "per the script) + this storage-disabled driver", c.cluster(), members.size(), members)
                .format("- **Tenants:** %,d x %d agents (CHAT capacity %d, all logged in AVAILABLE) x %d queues (%s); "
                        + "%,d agents; handle time %d ms", c.tenants(), c.agents(), c.capacity(), c.queues(), c.strategy(),
                        (long) c.tenants() * c.agents(), c.handleMillis())
                .format("- **Steps:** %s /s, %d s each after %d s of warm-up; drain %d s; stop when p99 > %.1f ms, "
                        + "failures > %.2f%% or decisions < %.0f%% of the target", c.steps(),
                        c.limits().step().toSeconds(), c.limits().warmup().toSeconds(), c.limits().drain().toSeconds(),
                        c.limits().maxP99Millis(), c.limits().maxFailureRate() * 100, c.limits().minAchieved() * 100)
                .format("- **Options:** `%s`", new TreeMap<>(c.given()));
    }

    /**
     * The storage members' heap after a full GC, once the setup's own events have left the event map (5 s TTL) and
     * the outbox, and the grid has been quiet that long: then the heap holds the routing state, and little of what
     * traffic leaves behind for a while (Coherence's buffer pools shrink when idle).
     */
    private static long heapAfterSettling(GridNode node, Map<String, Long> members, Config c) {
        NamedMap<?, ?> events = node.map(EVENTS_MAP);
        NamedMap<?, ?> outbox = node.map(OUTBOX_MAP);
        long deadline = System.nanoTime() + c.settle().toNanos();
        while ((events.size() > 0 || outbox.size() > 0) && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(1));
        }
        if (events.size() > 0 || outbox.size() > 0) {
            LOG.log(System.Logger.Level.WARNING, "measuring the heap with {0} event and {1} outbox entries left",
                    events.size(), outbox.size());
        }
        long used = 0;
        for (Map.Entry<String, Long> member : members.entrySet()) {
            String histogram = HeapProbe.histogram(member.getValue());
            used += HeapProbe.liveBytes(histogram, member.getValue());
            if (c.histograms() != null) {
                try {
                    Files.writeString(c.histograms().resolve(member.getKey() + "-" + Instant.now().toEpochMilli() + ".histo"),
                            histogram);
                } catch (java.io.IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot write the class histogram: " + e);
                }
            }
        }
        return used;
    }

    /** Heap after a full GC on every storage member, with the first tenants and with all, per agent added. */
    private static void memory(Report report, GridNode node, Map<String, Long> members, long before, long agents,
                               Config c) {
        long after = heapAfterSettling(node, members, c);
        report.format("| live heap of the %d storage members (jcmd GC.class_histogram: a full GC, then the live objects), "
                        + "with the first tenants set up | %,.1f MB |", members.size(), before / 1e6)
                .format("| the same after setting up the rest: %,d more agents logged in | %,.1f MB |", agents, after / 1e6)
                .format("| **heap per logged-in agent** (difference / the %,d agents added; primary + backup copy, index) | "
                        + "**%,.0f bytes** |", agents, (after - before) / (double) agents);
    }

    /** The stored (compact) size of one tenant's state: what the grid keeps, twice, and rewrites on every change. */
    private static void state(Report report, String when, TenantAcd state, int agents) {
        byte[] bytes = state.toBytes();
        double[] micros = HeapProbe.codecMicros(state);
        report.format("| stored state of one tenant, %s | %,d bytes = %,.0f bytes per agent |", when, bytes.length,
                        bytes.length / (double) agents)
                .format("| encoding that state in the driver: encode / decode | %.1f / %.1f µs |", micros[0], micros[1]);
    }

    /** The storage members' pids by label, once {@code expected} have joined. */
    private static Map<String, Long> storageMembers(int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Long> found = new TreeMap<>();
            List<String> unknownPid = new ArrayList<>();
            for (Object o : CacheFactory.getCluster().getMemberSet()) {
                Member m = (Member) o;
                if ("storage".equals(m.getRoleName())) {
                    try {
                        found.put("member-" + m.getId(), Long.parseLong(m.getProcessName()));
                    } catch (NumberFormatException e) {
                        unknownPid.add(m.toString());
                    }
                }
            }
            if (found.size() + unknownPid.size() >= expected) {
                if (!unknownPid.isEmpty()) {
                    throw new IllegalStateException("no pid for storage members " + unknownPid);
                }
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(found.size() + " of " + expected + " storage members joined in time");
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
