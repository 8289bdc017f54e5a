package io.callisto.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.acd.Acd;
import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.AcdEventStream;
import io.callisto.core.acd.AgentProfile;
import io.callisto.core.acd.AgentState;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.EventBatch;
import io.callisto.core.acd.NewInteraction;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.acd.Skills;
import io.callisto.core.ids.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The AcdEventStream port's contract: every command's events arrive once, as one batch numbered without gaps
 * per tenant and in order, also under concurrency; tenants' batches never mix; closing stops delivery.
 */
@SuppressWarnings("try") // subscriptions are held open by try-with-resources without being referenced
public abstract class AcdEventStreamContract {
    /** The Acd and the stream over the same state. */
    public record Subject(Acd acd, AcdEventStream stream) {
    }

    protected abstract Subject createSubject();

    @Test
    void everyCommandsEventsArriveAsOneNumberedBatchOfTheirTenant() throws Exception {
        Subject s = createSubject();
        TenantId a = TenantId.generate();
        TenantId b = TenantId.generate();
        List<EventBatch> received = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = s.stream().subscribe(received::add)) {
            List<List<AcdEvent>> expectedA = setUpAndCall(s.acd(), a);
            List<List<AcdEvent>> expectedB = setUpAndCall(s.acd(), b);

            await(() -> batchesOf(received, a).size() == expectedA.size() && batchesOf(received, b).size() == expectedB.size());
            assertThat(batchesOf(received, a)).extracting(EventBatch::events).containsExactlyElementsOf(expectedA);
            assertThat(batchesOf(received, b)).extracting(EventBatch::events).containsExactlyElementsOf(expectedB);
            assertGapless(batchesOf(received, a));
            assertGapless(batchesOf(received, b));
        }
    }

    @Test
    void concurrentCommandsOfATenantArriveGaplessInOrderOfTheirNumbers() throws Exception {
        Subject s = createSubject();
        TenantId t = TenantId.generate();
        s.acd().execute(t, new AcdCommand.ConfigureQueue(QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE)));
        List<EventBatch> received = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = s.stream().subscribe(received::add)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<List<AcdEvent>>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "i" + i;
                results.add(pool.submit(() -> s.acd().execute(t, new AcdCommand.Enqueue(
                        new NewInteraction(id, Channel.TASK, "q", 0, null, null, null, null)))));
            }
            for (Future<List<AcdEvent>> r : results) {
                assertThat(r.get()).isNotEmpty();
            }
            pool.shutdown();
            await(() -> batchesOf(received, t).size() == 40);
            List<EventBatch> batches = batchesOf(received, t);
            assertGapless(batches);
            assertThat(batches).extracting(b -> b.sequence()).isSorted();
        }
    }

    @Test
    void aClosedSubscriptionReceivesNothingMoreAndRefusedCommandsPublishNothing() throws Exception {
        Subject s = createSubject();
        TenantId t = TenantId.generate();
        List<EventBatch> received = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = s.stream().subscribe(received::add);
        s.acd().execute(t, new AcdCommand.ConfigureQueue(QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE)));
        s.acd().execute(t, new AcdCommand.Enqueue(new NewInteraction("x", Channel.TASK, "q", 0, null, null, null, null)));
        await(() -> batchesOf(received, t).size() == 1);
        try {
            s.acd().execute(t, new AcdCommand.Enqueue(new NewInteraction("x", Channel.TASK, "q", 0, null, null, null, null)));
        } catch (io.callisto.core.error.CallistoException expected) {
            // duplicate id: refused
        }
        subscription.close();
        s.acd().execute(t, new AcdCommand.Abandon("x"));
        List<EventBatch> probe = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = s.stream().subscribe(probe::add)) {
            s.acd().execute(t, new AcdCommand.Enqueue(new NewInteraction("y", Channel.TASK, "q", 0, null, null, null, null)));
            await(() -> !batchesOf(probe, t).isEmpty());
        }
        assertThat(batchesOf(received, t)).hasSize(1);
        // the refused command took no number: the abandon is batch 2, the probe's enqueue batch 3
        assertThat(batchesOf(probe, t).getFirst().sequence()).isEqualTo(batchesOf(received, t).getFirst().sequence() + 2);
    }

    private static List<List<AcdEvent>> setUpAndCall(Acd acd, TenantId t) {
        List<List<AcdEvent>> published = new ArrayList<>();
        List<AcdCommand> commands = List.of(
                new AcdCommand.SetSeats(5),
                new AcdCommand.ConfigureQueue(QueueConfig.simple("sales", RoutingStrategy.LONGEST_IDLE)),
                new AcdCommand.UpsertAgent(new AgentProfile("ann", Skills.NONE, Set.of("sales"), Map.of())),
                new AcdCommand.SetPresence("ann", AgentState.AVAILABLE, null),
                new AcdCommand.Enqueue(new NewInteraction("c1", Channel.VOICE, "sales", 0, null, "+15550001", null, null)),
                new AcdCommand.Accept("c1", "ann"),
                new AcdCommand.Complete("c1", "ann", "sold", "notes"));
        for (AcdCommand command : commands) {
            List<AcdEvent> events = acd.execute(t, command);
            if (!events.isEmpty()) {
                published.add(events);
            }
        }
        return published;
    }

    private static List<EventBatch> batchesOf(List<EventBatch> received, TenantId tenant) {
        return received.stream().filter(b -> b.tenantId().equals(tenant)).toList();
    }

    private static void assertGapless(List<EventBatch> batches) {
        List<Long> sequences = batches.stream().map(EventBatch::sequence).sorted().toList();
        for (int i = 1; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(sequences.get(i - 1) + 1);
        }
    }

    /** Waits for asynchronous delivery; fails after a generous bound (correctness, not speed, is tested). */
    protected static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }
}
