package io.callisto.grid.acd;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.AgentProfile;
import io.callisto.core.acd.AgentState;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.EventBatch;
import io.callisto.core.acd.NewInteraction;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.acd.Skills;
import io.callisto.core.contract.AcdEventStreamContract;
import io.callisto.core.ids.TenantId;
import io.callisto.grid.GridNode;
import io.callisto.grid.TestGrid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event stream contract on a real single-member cluster, and the outbox the report writer drains. */
class GridAcdEventsTest extends AcdEventStreamContract {
    private static GridNode grid;

    @BeforeAll
    static void startGrid() {
        grid = TestGrid.start("callisto-events-test");
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Override
    protected Subject createSubject() {
        return new Subject(new GridAcd(grid, Clock.systemUTC()), new GridAcdEvents(grid::map));
    }

    @Test
    void theOutboxKeepsWhatReportsNeedUntilTheRecorderHasStoredIt() {
        GridAcd acd = new GridAcd(grid, Clock.systemUTC());
        TenantId t = TenantId.generate();
        handleOneChat(acd, t, "ann", "c1");

        AtomicBoolean databaseDown = new AtomicBoolean(true);
        List<EventBatch> stored = new CopyOnWriteArrayList<>();
        GridOutboxDrainer drainer = new GridOutboxDrainer(grid::map, batches -> {
            if (databaseDown.get()) {
                throw new IllegalStateException("database down");
            }
            stored.addAll(batches);
        });
        try {
            drainer.drainOnce();
        } catch (IllegalStateException expected) {
            // nothing is lost: the batches stay in the outbox
        }
        databaseDown.set(false);
        while (drainer.drainOnce() > 0) {
            // drain everything (other tests' tenants too)
        }
        List<EventBatch> mine = stored.stream().filter(b -> b.tenantId().equals(t)).toList();
        List<AcdEvent> events = new ArrayList<>();
        mine.forEach(b -> events.addAll(b.events()));
        assertThat(events).filteredOn(AcdEvent.Ended.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(AcdEvent.AgentStateChanged.class::isInstance)
                .extracting(e -> ((AcdEvent.AgentStateChanged) e).to())
                .containsExactly(AgentState.AVAILABLE, AgentState.RESERVED, AgentState.BUSY, AgentState.AVAILABLE);
        assertThat(mine).as("only batches reports keep go to the outbox")
                .allMatch(io.callisto.core.routing.EventRecorder::isRecorded);
        assertThat(drainer.drainOnce()).as("drained batches are gone").isZero();
    }

    @Test
    void aStartedDrainerStoresNewBatchesWhenTheyAreInsertedWithoutWaitingForItsPoll() throws Exception {
        GridAcd acd = new GridAcd(grid, Clock.systemUTC());
        TenantId t = TenantId.generate();
        java.util.concurrent.CountDownLatch endStored = new java.util.concurrent.CountDownLatch(1);
        // a poll an hour apart: only the insert event can make it drain within the test
        GridOutboxDrainer drainer = new GridOutboxDrainer(grid::map, batches -> batches.stream()
                .filter(b -> b.tenantId().equals(t)).flatMap(b -> b.events().stream())
                .filter(AcdEvent.Ended.class::isInstance).forEach(e -> endStored.countDown()));
        try {
            drainer.start(java.time.Duration.ofHours(1));
            // its first pass (the backlog other members may have left) has nothing of this tenant's
            handleOneChat(acd, t, "bo", "c2");

            assertThat(endStored.await(30, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the end of the interaction was stored, woken by its insert").isTrue();
        } finally {
            drainer.close();
        }
    }

    /** One agent, one queue: a chat enqueued, accepted and completed. */
    private static void handleOneChat(GridAcd acd, TenantId t, String agent, String chat) {
        acd.execute(t, new AcdCommand.SetSeats(1));
        acd.execute(t, new AcdCommand.ConfigureQueue(QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE)));
        acd.execute(t, new AcdCommand.UpsertAgent(new AgentProfile(agent, Skills.NONE, Set.of("q"), Map.of())));
        acd.execute(t, new AcdCommand.SetPresence(agent, AgentState.AVAILABLE, null));
        acd.execute(t, new AcdCommand.Enqueue(new NewInteraction(chat, Channel.CHAT, "q", 0, null, null, null, null)));
        acd.execute(t, new AcdCommand.Accept(chat, agent));
        acd.execute(t, new AcdCommand.Complete(chat, agent, "done", null));
    }
}
