package io.callisto.load;

import io.callisto.grid.GridConfig;
import io.callisto.grid.GridNode;
import io.callisto.grid.acd.GridAcd;
import io.callisto.grid.acd.GridAcdEvents;
import io.callisto.grid.acd.GridAcdTimer;
import io.callisto.grid.acd.GridOutboxDrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * A storage-enabled grid member for the ACD benchmark: what a platform node runs on the grid, without HTTP and
 * the database. It joins through {@link GridNode} with the platform's cache configuration and runs, as
 * {@code Callisto} does on every platform node, the ACD timer (every second) and the outbox drainer (every
 * 100 ms; here its recorder discards the batches instead of writing them to PostgreSQL) and, optionally, an
 * events listener like the WebSocket hub's (it receives and deserializes every batch, with no sessions to
 * deliver to).
 *
 * <p>Options: {@code --cluster=NAME --cluster-port=PORT --hub-listener=true|false --ready-file=PATH}.
 */
public final class AcdGridMember {
    private static final System.Logger LOG = System.getLogger(AcdGridMember.class.getName());

    private AcdGridMember() {
    }

    public static void main(String[] argv) throws IOException, InterruptedException {
        Args args = new Args(argv);
        String cluster = args.string("cluster", "acd-bench");
        int port = args.integer("cluster-port", 17574);
        boolean hub = args.flag("hub-listener", true);
        boolean timer = args.flag("timer", true);
        boolean drainer = args.flag("drainer", true);
        String ready = args.string("ready-file", null);
        args.requireAllUsed();

        GridNode node = GridNode.start(GridConfig.loopback(cluster, port, true, "storage"));
        List<AutoCloseable> parts = new ArrayList<>();
        parts.add(node);
        Clock clock = Clock.systemUTC();
        // Ensures the tenant, event and outbox maps, as the platform's GridAcd does.
        new GridAcd(node, clock);
        if (timer) {
            parts.add(new GridAcdTimer(node.map(GridAcd.MAP), (tenant, events) -> { }).start(clock, Duration.ofSeconds(1)));
        }
        LongAdder drained = new LongAdder();
        if (drainer) {
            parts.add(new GridOutboxDrainer(node::map, batches -> drained.add(batches.size()))
                    .start(Duration.ofSeconds(2)));
        }
        LongAdder received = new LongAdder();
        if (hub) {
            parts.add(new GridAcdEvents(node::map).subscribe(batch -> received.increment()));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.log(System.Logger.Level.INFO, "stopping: {0} batches drained from the outbox, {1} received by the"
                    + " hub listener", drained.sum(), received.sum());
            for (int i = parts.size() - 1; i >= 0; i--) {
                try {
                    parts.get(i).close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "closing " + parts.get(i) + " failed: " + e);
                }
            }
            stopped.countDown();
        }, "member-shutdown"));
        LOG.log(System.Logger.Level.INFO, "storage member {0,number,#} ready in cluster {1} (timer {2}, drainer {3}, hub"
                + " listener {4})", ProcessHandle.current().pid(), cluster, timer, drainer, hub);
        if (ready != null) {
            Files.writeString(Path.of(ready), Long.toString(ProcessHandle.current().pid()));
        }
        stopped.await();
    }
}
