package io.callisto.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The end-to-end workload: each arrival is {@code POST /api/v1/interactions} (a CHAT task) by the next tenant's
 * admin, with a unique subject; the routing decision is the {@code interaction.offered} message on the offered
 * agent's events WebSocket, matched by that subject (the offer can arrive before the POST's response). The agent
 * then accepts over REST at once and completes after the handle time.
 */
final class HttpWorkload implements Workload, AgentSocket.OfferListener {
    private final HttpApi api;
    private final List<HttpSetup.Tenant> tenants;
    private final long handleMillis;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile StepStats current;

    private record Pending(StepStats step, long intendedNanos) {
    }

    HttpWorkload(HttpApi api, List<HttpSetup.Tenant> tenants, long handleMillis) {
        this.api = api;
        this.tenants = tenants;
        this.handleMillis = handleMillis;
    }

    @Override
    public void begin(StepStats step) {
        current = step;
    }

    @Override
    public void send(StepStats step, long sequence, long intendedNanos) {
        HttpSetup.Tenant tenant = tenants.get((int) (sequence % tenants.size()));
        String subject = "bench-" + sequence;
        pending.put(subject, new Pending(step, intendedNanos));
        Thread.startVirtualThread(() -> post(step, tenant, subject));
    }

    private void post(StepStats step, HttpSetup.Tenant tenant, String subject) {
        long start = System.nanoTime();
        try {
            api.call("POST", tenant.base() + "/api/v1/interactions", tenant.adminToken(), Map.of("channel", "CHAT",
                    "queueId", tenant.queueId(), "from", "+15550100", "subject", subject), 201);
            long now = System.nanoTime();
            step.send.recordNanos(now - start);
            current.command(now);
        } catch (RuntimeException e) {
            step.error(e, pending.remove(subject) != null);
        }
    }

    /** On the socket's thread: records, then works the offer on a virtual thread. */
    @Override
    public void offered(HttpSetup.Agent agent, String interactionId, String subject, long arrivedNanos) {
        Pending p = pending.remove(subject);
        if (p != null) {
            p.step().offered(arrivedNanos - p.intendedNanos(), arrivedNanos);
        }
        Thread.startVirtualThread(() -> work(agent, interactionId));
    }

    private void work(HttpSetup.Agent agent, String interactionId) {
        String url = agent.base() + "/api/v1/interactions/" + interactionId;
        try {
            long start = System.nanoTime();
            api.call("POST", url + "/accept", agent.token(), null, 200);
            long accepted = System.nanoTime();
            current.accept.recordNanos(accepted - start);
            current.command(accepted);
            Thread.sleep(handleMillis);
            api.call("POST", url + "/complete", agent.token(), null, 200);
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
