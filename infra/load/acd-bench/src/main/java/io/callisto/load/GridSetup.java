package io.callisto.load;

import io.callisto.core.acd.Acd;
import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AgentProfile;
import io.callisto.core.acd.AgentState;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.acd.Skills;
import io.callisto.core.ids.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Configures the tenants with the ACD's own commands, in parallel over tenants: the seat lease, the queues, the
 * agents (each serving every queue of the tenant) and each agent's presence AVAILABLE: logged in.
 */
final class GridSetup {
    /** Offer timeout and no overflow, no wrap-up: only routing, accepting and completing happen. */
    private static final int OFFER_TIMEOUT_SECONDS = 60;
    private final Acd acd;
    private final int agents;
    private final int queues;
    private final int chatCapacity;
    private final RoutingStrategy strategy;

    GridSetup(Acd acd, int agents, int queues, int chatCapacity, RoutingStrategy strategy) {
        this.acd = acd;
        this.agents = agents;
        this.queues = queues;
        this.chatCapacity = chatCapacity;
        this.strategy = strategy;
    }

    static List<TenantId> tenants(int count) {
        return IntStream.range(0, count).mapToObj(i -> new TenantId("t" + i)).toList();
    }

    static String queueId(int index) {
        return "q" + index;
    }

    static String agentId(int index) {
        return "a" + index;
    }

    /** Sets up every tenant, {@code concurrency} tenants at a time; returns the number of commands run. */
    long run(List<TenantId> tenants, int concurrency) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        LongAdder commands = new LongAdder();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (TenantId tenant : tenants) {
            slots.acquire();
            if (failure.get() != null) {
                break;
            }
            threads.add(Thread.startVirtualThread(() -> {
                try {
                    commands.add(setUp(tenant));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    slots.release();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("setting up the tenants failed", failure.get());
        }
        return commands.sum();
    }

    private long setUp(TenantId tenant) {
        long commands = 0;
        acd.execute(tenant, new AcdCommand.SetSeats(agents));
        commands++;
        Set<String> queueIds = new LinkedHashSet<>();
        for (int q = 0; q < queues; q++) {
            queueIds.add(queueId(q));
            acd.execute(tenant, new AcdCommand.ConfigureQueue(new QueueConfig(queueId(q), "Queue " + q, strategy,
                    Skills.NONE, 0, 0, null, 0, 20, OFFER_TIMEOUT_SECONDS, 0, 1)));
            commands++;
        }
        for (int a = 0; a < agents; a++) {
            acd.execute(tenant, new AcdCommand.UpsertAgent(new AgentProfile(agentId(a), Skills.NONE, queueIds,
                    Map.of(Channel.CHAT, chatCapacity))));
            acd.execute(tenant, new AcdCommand.SetPresence(agentId(a), AgentState.AVAILABLE, null));
            commands += 2;
        }
        return commands;
    }
}
