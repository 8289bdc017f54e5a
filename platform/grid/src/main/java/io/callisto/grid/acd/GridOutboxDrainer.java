package io.callisto.grid.acd;

import com.tangosol.net.NamedMap;
import com.tangosol.net.PartitionedService;
import com.tangosol.net.partition.PartitionSet;
import com.tangosol.util.Filter;
import com.tangosol.util.Filters;
import com.tangosol.util.MapEvent;
import com.tangosol.util.MapListener;
import com.tangosol.util.MultiplexingMapListener;
import com.tangosol.util.Processors;
import com.tangosol.util.filter.MapEventFilter;
import com.tangosol.util.filter.PartitionedFilter;
import io.callisto.core.acd.EventBatch;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Moves event batches that reports keep from the grid's outbox to the database: reads a page, hands it to the
 * recorder (which stores idempotently), and only then removes it from the outbox. A member that dies midway,
 * or a database that is down, leaves the batches in the (backed-up) outbox for the next pass, here or on
 * another platform member. A storage member drains only the partitions it owns, so platform members do not
 * compete for the same batches (a member that owns none, such as a test client, drains everything); should
 * two still overlap while partitions move, the recorder absorbs the repeat.
 *
 * <p>It drains when a batch is inserted (a lite map event wakes it), not by polling: an idle platform then costs
 * nothing here. A slow poll still runs as a safety net for batches no event announced to this member, such as those
 * of partitions it took over from a member that died.
 */
public final class GridOutboxDrainer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GridOutboxDrainer.class.getName());
    static final int PAGE = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** After a pass, batches inserted meanwhile wait this long, so that a busy ACD is drained in pages. */
    private static final Duration BATCHING = Duration.ofMillis(50);
    private final NamedMap<EventKey, EventBatch> outbox;
    private final Consumer<List<EventBatch>> recorder;
    private final Semaphore inserted = new Semaphore(0);
    private final MapListener<EventKey, EventBatch> onInsert = new MultiplexingMapListener<>() {
        @Override
        protected void onMapEvent(MapEvent<EventKey, EventBatch> event) {
            if (inserted.availablePermits() == 0) {
                inserted.release();
            }
        }
    };
    private volatile Thread thread;
    private volatile boolean running = true;

    public GridOutboxDrainer(GridAcd.MapSource maps, Consumer<List<EventBatch>> recorder) {
        this.outbox = maps.map(EventOutbox.OUTBOX);
        this.recorder = recorder;
    }

    /** Drains up to one page; returns how many batches were stored. Throws when the recorder fails. */
    public int drainOnce() {
        @SuppressWarnings("unchecked")
        Set<EventKey> keys = outbox.keySet(mine()).stream().limit(PAGE).collect(java.util.stream.Collectors.toSet());
        if (keys.isEmpty()) {
            return 0;
        }
        Map<EventKey, EventBatch> found = outbox.getAll(keys);
        List<EventBatch> batches = found.values().stream()
                .sorted(Comparator.comparing((EventBatch b) -> b.tenantId().value()).thenComparingLong(EventBatch::sequence))
                .toList();
        recorder.accept(batches);
        outbox.invokeAll(found.keySet(), Processors.remove());
        return batches.size();
    }

    private Filter<?> mine() {
        if (outbox.getService() instanceof PartitionedService partitioned) {
            PartitionSet owned = partitioned.getOwnedPartitions(partitioned.getCluster().getLocalMember());
            if (!owned.isEmpty()) {
                return new PartitionedFilter<>(Filters.always(), owned);
            }
        }
        return Filters.always();
    }

    /**
     * Drains on a virtual thread: when batches are inserted, at once again while there is a backlog, at least every
     * {@code safetyPoll} otherwise, backing off on failure.
     */
    public synchronized GridOutboxDrainer start(Duration safetyPoll) {
        if (thread != null) {
            throw new IllegalStateException("the drainer is already running");
        }
        outbox.addMapListener(onInsert, new MapEventFilter<>(MapEventFilter.E_INSERTED), true);
        thread = Thread.ofVirtual().name("acd-outbox-drainer").start(() -> run(safetyPoll));
        return this;
    }

    private void run(Duration safetyPoll) {
        Duration backoff = BATCHING;
        boolean backlog = true; // whatever a previous member left behind
        while (running) {
            try {
                if (!backlog) {
                    inserted.tryAcquire(safetyPoll.toMillis(), TimeUnit.MILLISECONDS);
                }
                inserted.drainPermits();
                backlog = drainOnce() >= PAGE;
                backoff = BATCHING;
                if (!backlog) {
                    Thread.sleep(BATCHING);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "storing ACD events failed; they stay in the outbox: " + e);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                backlog = true;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Thread drainer = thread;
        if (drainer != null) {
            try {
                outbox.removeMapListener(onInsert, new MapEventFilter<>(MapEventFilter.E_INSERTED));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "outbox listener not removed (the grid is stopping): " + e);
            }
            drainer.interrupt();
            try {
                drainer.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
