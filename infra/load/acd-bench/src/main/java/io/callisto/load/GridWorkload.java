package io.callisto.load;

import io.callisto.core.acd.Acd;
import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.EventBatch;
import io.callisto.core.acd.NewInteraction;
import io.callisto.core.ids.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The grid workload: each arrival is an Enqueue command for the next tenant (round robin) and one of its queues;
 * the driver's ACD event listener (the same {@code GridAcdEvents} stream that feeds the WebSocket hub) takes the
 * Offered event as the routing decision, and the offered agent accepts at once and completes after the handle
 * time, all as commands on virtual threads.
 */
final class GridWorkload implements Workload, Consumer<EventBatch> {
    private final Acd acd;
    private final List<TenantId> tenants;
    private final int queues;
    private final long handleMillis;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile StepStats current;

    private record Pending(StepStats step, long intendedNanos) {
    }

    GridWorkload(Acd acd, List<TenantId> tenants, int queues, long handleMillis) {
        this.acd = acd;
        this.tenants = tenants;
        this.queues = queues;
        this.handleMillis = handleMillis;
    }

    @Override
    public void begin(StepStats step) {
        current = step;
    }

    @Override
    public void send(StepStats step, long sequence, long intendedNanos) {
        TenantId tenant = tenants.get((int) (sequence % tenants.size()));
        String queue = GridSetup.queueId((int) ((sequence / tenants.size()) % queues));
        String id = "i" + sequence;
        pending.put(id, new Pending(step, intendedNanos));
        Thread.startVirtualThread(() -> enqueue(step, tenant, id, queue));
    }

    private void enqueue(StepStats step, TenantId tenant, String id, String queue) {
        long start = System.nanoTime();
        try {
            acd.execute(tenant, new AcdCommand.Enqueue(new NewInteraction(id, Channel.CHAT, queue, 0, null,
                    "+15550100", null, null)));
            long now = System.nanoTime();
            step.send.recordNanos(now - start);
            current.command(now);
        } catch (RuntimeException e) {
            step.error(e, pending.remove(id) != null);
        }
    }

    /** The event listener: runs on Coherence's event dispatcher thread, so it only timestamps and hands off. */
    @Override
    public void accept(EventBatch batch) {
        long now = System.nanoTime();
        for (AcdEvent event : batch.events()) {
            if (event instanceof AcdEvent.Offered offered) {
                Pending p = pending.remove(offered.interactionId());
                if (p != null) {
                    p.step().offered(now - p.intendedNanos(), now);
                }
                // Also an offer that came after its step gave up on it: the agent works it, freeing capacity.
                Thread.startVirtualThread(() -> work(batch.tenantId(), offered));
            }
        }
    }

    /** The agent: accepts the offer at once, completes it after the handle time. */
    private void work(TenantId tenant, AcdEvent.Offered offer) {
        try {
            long start = System.nanoTime();
            acd.execute(tenant, new AcdCommand.Accept(offer.interactionId(), offer.agentId()));
            long accepted = System.nanoTime();
            current.accept.recordNanos(accepted - start);
            current.command(accepted);
            Thread.sleep(handleMillis);
            acd.execute(tenant, new AcdCommand.Complete(offer.interactionId(), offer.agentId(), "ok", null));
            current.command(System.nanoTime());
        } catch (RuntimeException e) {
            current.error(e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<Long> abandon(StepStats step) {
        List<Long> left = new ArrayList<>();
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (e.getValue().step() == step && pending.remove(e.getKey(), e.getValue())) {
                left.add(e.getValue().intendedNanos());
            }
        }
        return left;
    }
}
