package io.callisto.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.acd.Acd;
import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.Agent;
import io.callisto.core.acd.AgentProfile;
import io.callisto.core.acd.AgentState;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.Interaction;
import io.callisto.core.acd.InteractionState;
import io.callisto.core.acd.NewInteraction;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.acd.Skills;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.error.CallistoException;
import io.callisto.core.ids.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Threads hammer one Acd at once with random offers, accepts, rejects, completions, abandons, presence
 * changes and ticks on a few tenants (each thread acting on what it last read, so most commands race and
 * many are refused); invariants are checked on snapshots throughout and at the end: capacity per channel
 * (one voice call), one agent per offer except RING_ALL, offers held consistently by interaction and agent,
 * seats, and every interaction either live or ended exactly once.
 */
public abstract class AcdConcurrencyContract {
    private static final List<String> AGENTS = List.of("a1", "a2", "a3", "a4", "a5");
    private static final List<String> QUEUES = List.of("ring", "idle", "rr");
    private static final int THREADS = 6;
    private static final int STEPS = 400;
    private final Map<String, Integer> ended = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    protected abstract Acd createAcd();

    @Test
    void invariantsHoldWhileThreadsRace() throws Exception {
        Acd acd = createAcd();
        List<TenantId> tenants = List.of(TenantId.generate(), TenantId.generate(), TenantId.generate());
        tenants.forEach(t -> setUp(acd, t));
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < THREADS; w++) {
                Random random = new Random(w * 7919L);
                String prefix = "w" + w + "-";
                workers.add(pool.submit(() -> {
                    for (int step = 0; step < STEPS; step++) {
                        TenantId tenant = tenants.get(random.nextInt(tenants.size()));
                        act(acd, tenant, random, prefix + step);
                        if (step % 50 == 0) {
                            checkInvariants(acd.snapshot(tenant).orElseThrow());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        long live = 0;
        for (TenantId tenant : tenants) {
            TenantAcd state = acd.snapshot(tenant).orElseThrow();
            checkInvariants(state);
            live += state.interactions().size();
        }
        assertThat(ended.values()).as("nothing ended twice").allMatch(n -> n == 1);
        assertThat(live + ended.size()).as("nothing lost").isEqualTo(created.get());
        assertThat(created.get()).isGreaterThan(200);
        assertThat(refused.get()).as("the threads really raced").isPositive();
    }

    private static void setUp(Acd acd, TenantId t) {
        acd.execute(t, new AcdCommand.SetSeats(4));
        acd.execute(t, new AcdCommand.ConfigureQueue(new QueueConfig("ring", "ring", RoutingStrategy.RING_ALL, Skills.NONE,
                0, 0, null, 0, 20, 20, 0, 1, false)));
        acd.execute(t, new AcdCommand.ConfigureQueue(new QueueConfig("idle", "idle", RoutingStrategy.LONGEST_IDLE,
                Skills.NONE, 0, 0, null, 0, 20, 20, 0, 1, false)));
        acd.execute(t, new AcdCommand.ConfigureQueue(new QueueConfig("rr", "rr", RoutingStrategy.ROUND_ROBIN, Skills.NONE,
                0, 0, null, 0, 20, 20, 0, 1, false)));
        for (String agent : AGENTS) {
            acd.execute(t, new AcdCommand.UpsertAgent(new AgentProfile(agent, Skills.NONE, Set.copyOf(QUEUES),
                    Map.of(Channel.CHAT, 2))));
        }
    }

    private void act(Acd acd, TenantId tenant, Random random, String id) {
        TenantAcd seen = acd.snapshot(tenant).orElseThrow();
        List<Interaction> live = List.copyOf(seen.interactions());
        Interaction some = live.isEmpty() ? null : live.get(random.nextInt(live.size()));
        String agent = AGENTS.get(random.nextInt(AGENTS.size()));
        AcdCommand command = switch (random.nextInt(10)) {
            case 0, 1, 2 -> new AcdCommand.Enqueue(new NewInteraction(id, random.nextBoolean() ? Channel.VOICE : Channel.CHAT,
                    QUEUES.get(random.nextInt(QUEUES.size())), random.nextInt(3), null, null, null, null));
            case 3 -> some == null || some.offeredTo().isEmpty() ? null
                    : new AcdCommand.Accept(some.id(), List.copyOf(some.offeredTo()).get(0));
            case 4 -> some == null || some.offeredTo().isEmpty() ? null
                    : new AcdCommand.Reject(some.id(), List.copyOf(some.offeredTo()).get(0));
            case 5 -> some == null || some.agentId() == null ? null
                    : new AcdCommand.Complete(some.id(), some.agentId(), "done", null);
            case 6 -> some == null ? null : new AcdCommand.Abandon(some.id());
            case 7 -> new AcdCommand.SetPresence(agent, random.nextInt(4) == 0 ? AgentState.AWAY : AgentState.AVAILABLE,
                    "break");
            case 8 -> new AcdCommand.SetPresence(agent, AgentState.OFFLINE, null);
            default -> new AcdCommand.Tick();
        };
        if (command == null) {
            return;
        }
        try {
            List<AcdEvent> events = acd.execute(tenant, command);
            if (command instanceof AcdCommand.Enqueue) {
                created.incrementAndGet();
            }
            for (AcdEvent e : events) {
                if (e instanceof AcdEvent.Ended end) {
                    ended.merge(end.record().interactionId(), 1, Integer::sum);
                }
            }
        } catch (CallistoException e) {
            refused.incrementAndGet();
        }
    }

    private static void checkInvariants(TenantAcd state) {
        assertThat(state.seatsInUse()).isLessThanOrEqualTo(state.seatsLeased());
        for (Agent agent : state.agents()) {
            List<Interaction> held = agent.interactionIds().stream()
                    .map(i -> state.interaction(i).orElseThrow(() -> new AssertionError(agent.id() + " holds a lost " + i)))
                    .toList();
            for (Channel channel : Channel.values()) {
                assertThat(held.stream().filter(i -> i.channel() == channel).count()).as("%s on %s", agent.id(), channel)
                        .isLessThanOrEqualTo(agent.profile().capacity(channel));
            }
            if (!agent.isLoggedIn()) {
                assertThat(held).as("an agent logged out holds nothing").isEmpty();
            }
        }
        for (Interaction i : state.interactions()) {
            switch (i.state()) {
                case WAITING -> assertThat(i.offeredTo()).isEmpty();
                case ROUTED -> {
                    assertThat(i.offeredTo()).isNotEmpty();
                    if (!i.queueId().equals("ring")) {
                        assertThat(i.offeredTo()).as("one agent at a time").hasSize(1);
                    }
                    i.offeredTo().forEach(a -> assertThat(state.agent(a).orElseThrow().interactionIds()).contains(i.id()));
                }
                case CONNECTED -> assertThat(state.agent(i.agentId()).orElseThrow().interactionIds()).contains(i.id());
                default -> throw new AssertionError("a finished interaction is still live: " + i.id());
            }
            assertThat(i.state()).isNotIn(InteractionState.COMPLETED, InteractionState.ABANDONED);
        }
    }
}
