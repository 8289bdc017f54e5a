package io.callisto.core.acd;

import io.callisto.core.ids.TenantId;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One tenant's whole routing state: agents, queues, live interactions, seats. The unit of atomicity:
 * the grid keeps one per tenant and runs every {@link AcdEngine} operation on it in one entry
 * processor, so a routing decision never races another for the same agent or interaction.
 */
public final class TenantAcd implements Serializable {
    private final TenantId tenantId;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final Map<String, QueueConfig> queues = new LinkedHashMap<>();
    private final Map<String, QueueStats> stats = new LinkedHashMap<>();
    private final Map<String, Interaction> interactions = new LinkedHashMap<>();
    private final Map<String, String> roundRobinLast = new LinkedHashMap<>();
    private final RecentResults recentResults = new RecentResults();
    private int seatsLeased;
    private long sequence;
    private Instant lastTick;
    private long eventSequence;
    private boolean configurationLoaded;

    public TenantAcd(TenantId tenantId, int seatsLeased) {
        this.tenantId = Objects.requireNonNull(tenantId);
        this.seatsLeased = seatsLeased;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public int seatsLeased() {
        return seatsLeased;
    }

    void seatsLeased(int seats) {
        seatsLeased = seats;
    }

    /** Agents logged in (any state but OFFLINE): what the seat lease limits. */
    public int seatsInUse() {
        return (int) agents.values().stream().filter(Agent::isLoggedIn).count();
    }

    public Optional<Agent> agent(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    public Collection<Agent> agents() {
        return agents.values();
    }

    public Optional<QueueConfig> queue(String id) {
        return Optional.ofNullable(queues.get(id));
    }

    public Collection<QueueConfig> queues() {
        return queues.values();
    }

    public QueueStats stats(String queueId) {
        return stats.computeIfAbsent(queueId, q -> new QueueStats());
    }

    public Optional<Interaction> interaction(String id) {
        return Optional.ofNullable(interactions.get(id));
    }

    /** Live interactions: waiting, routed or connected. */
    public Collection<Interaction> interactions() {
        return interactions.values();
    }

    Map<String, Agent> agentMap() {
        return agents;
    }

    Map<String, QueueConfig> queueMap() {
        return queues;
    }

    Map<String, Interaction> interactionMap() {
        return interactions;
    }

    Map<String, String> roundRobinLast() {
        return roundRobinLast;
    }

    /** Results of recent commands by request id, so a command retried after a failover is not applied twice. */
    public RecentResults recentResults() {
        return recentResults;
    }

    void forgetQueue(String queueId) {
        stats.remove(queueId);
        roundRobinLast.remove(queueId);
    }

    void lastTick(Instant at) {
        lastTick = at;
    }

    /** Whether the stored configuration (queues, agents, seats) has been loaded into this state. */
    public boolean configurationLoaded() {
        return configurationLoaded;
    }

    void configurationLoaded(boolean loaded) {
        configurationLoaded = loaded;
    }

    /**
     * Numbers one command's events for the event stream, under the same lock as the command: batches of a
     * tenant are numbered without gaps, so a subscriber can tell when it missed some.
     */
    public EventBatch stamp(java.util.List<AcdEvent> events) {
        return new EventBatch(tenantId, ++eventSequence, events);
    }

    long nextSequence() {
        return ++sequence;
    }
}
