package io.callisto.core.acd;

import io.callisto.core.ids.TenantId;
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
public final class TenantAcd {
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

    /** The compact binary form of this state (what the grid stores). */
    public byte[] toBytes() {
        return TenantAcdCodec.encode(this);
    }

    public static TenantAcd fromBytes(byte[] bytes) {
        return TenantAcdCodec.decode(bytes, 0);
    }

    /** From a compact form that starts at {@code offset} of the array (the grid prefixes its own header). */
    public static TenantAcd fromBytes(byte[] bytes, int offset) {
        return TenantAcdCodec.decode(bytes, offset);
    }

    void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeUTF(tenantId.value());
        out.writeInt(seatsLeased);
        out.writeLong(sequence);
        Wire.instant(out, lastTick);
        out.writeLong(eventSequence);
        out.writeBoolean(configurationLoaded);
        out.writeInt(queues.size());
        for (QueueConfig q : queues.values()) {
            TenantAcdCodec.queue(out, q);
        }
        out.writeInt(agents.size());
        for (Agent a : agents.values()) {
            a.writeTo(out);
        }
        out.writeInt(stats.size());
        for (Map.Entry<String, QueueStats> e : stats.entrySet()) {
            out.writeUTF(e.getKey());
            e.getValue().writeTo(out);
        }
        out.writeInt(interactions.size());
        for (Interaction i : interactions.values()) {
            i.writeTo(out);
        }
        Wire.stringMap(out, roundRobinLast);
        recentResults.writeTo(out);
    }

    /** Reads what {@link #writeTo} wrote, in the layout of {@code version} ({@link TenantAcdCodec}). */
    static TenantAcd readFrom(java.io.DataInput in, int version) throws java.io.IOException {
        TenantAcd acd = new TenantAcd(TenantAcdCodec.tenant(in), in.readInt());
        acd.sequence = in.readLong();
        acd.lastTick = Wire.instant(in);
        acd.eventSequence = in.readLong();
        acd.configurationLoaded = in.readBoolean();
        for (int n = in.readInt(), i = 0; i < n; i++) {
            QueueConfig q = TenantAcdCodec.queue(in, version);
            acd.queues.put(q.id(), q);
        }
        for (int n = in.readInt(), i = 0; i < n; i++) {
            Agent a = Agent.readFrom(in, version);
            acd.agents.put(a.id(), a);
        }
        for (int n = in.readInt(), i = 0; i < n; i++) {
            acd.stats.put(in.readUTF(), QueueStats.readFrom(in));
        }
        for (int n = in.readInt(), i = 0; i < n; i++) {
            Interaction interaction = Interaction.readFrom(in);
            acd.interactions.put(interaction.id(), interaction);
        }
        acd.roundRobinLast.putAll(Wire.stringMap(in));
        acd.recentResults.readFrom(in);
        return acd;
    }

    long nextSequence() {
        return ++sequence;
    }
}
