package io.callisto.core.routing;

import io.callisto.core.acd.Agent;
import io.callisto.core.acd.AgentState;
import io.callisto.core.acd.Interaction;
import io.callisto.core.acd.InteractionState;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.QueueStats;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.auth.Caller;
import io.callisto.core.ids.TenantId;
import io.callisto.core.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Live statistics of a tenant, computed from one consistent snapshot of its ACD state. */
public final class RealtimeStats {
    private final LiveAcd acd;
    private final java.time.Clock clock;

    public RealtimeStats(LiveAcd acd, java.time.Clock clock) {
        this.acd = acd;
        this.clock = clock;
    }

    /**
     * A queue now: waiting, the longest wait, its agents by state, and the running service figures since the
     * tenant's routing state was loaded (historical, per-interval figures are the reports' job).
     */
    public record QueueNow(String queueId, String name, int waiting, long longestWaitSeconds,
                           Map<AgentState, Integer> agents, double serviceLevel, double abandonmentRate, long answered,
                           long abandoned, long averageHandleSeconds) {
    }

    /** An agent now. */
    public record AgentNow(String agentId, AgentState state, Instant since, String reason) {
    }

    /** The whole picture at one moment. */
    public record Snapshot(Instant at, List<QueueNow> queues, List<AgentNow> agents) {
    }

    public Snapshot get(Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        return of(caller.tenantId());
    }

    /** Without a caller: for the supervisors' event stream, which checked the role when it connected. */
    public Snapshot of(TenantId tenant) {
        return compute(acd.snapshot(tenant), clock.instant());
    }

    public static Snapshot compute(TenantAcd state, Instant now) {
        List<QueueNow> queues = state.queues().stream()
                .sorted(Comparator.comparing(QueueConfig::name).thenComparing(QueueConfig::id))
                .map(q -> queue(state, q, now))
                .toList();
        List<AgentNow> agents = state.agents().stream()
                .sorted(Comparator.comparing(Agent::id))
                .map(a -> new AgentNow(a.id(), a.state(), a.stateSince(),
                        a.state() == AgentState.AWAY ? a.awayReason() : null))
                .toList();
        return new Snapshot(now, queues, agents);
    }

    private static QueueNow queue(TenantAcd state, QueueConfig q, Instant now) {
        List<Interaction> waiting = state.interactions().stream()
                .filter(i -> i.queueId().equals(q.id()))
                .filter(i -> i.state() == InteractionState.WAITING || i.state() == InteractionState.ROUTED)
                .toList();
        long longest = waiting.stream().map(Interaction::createdAt).min(Instant::compareTo)
                .map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
        Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
        state.agents().stream().filter(a -> a.profile().queueIds().contains(q.id()))
                .forEach(a -> byState.merge(a.state(), 1, Integer::sum));
        QueueStats stats = state.stats(q.id());
        return new QueueNow(q.id(), q.name(), waiting.size(), longest, byState, stats.serviceLevel(),
                stats.abandonmentRate(), stats.answered(), stats.abandoned(), stats.averageHandleMillis() / 1000);
    }
}
