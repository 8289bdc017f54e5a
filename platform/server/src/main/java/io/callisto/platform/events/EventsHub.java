package io.callisto.platform.events;

import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.AcdEventStream;
import io.callisto.core.acd.EventBatch;
import io.callisto.core.ids.TenantId;
import io.callisto.core.routing.EventAudience;
import io.callisto.core.routing.RealtimeStats;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans the ACD's events out to this node's events WebSocket sessions: each batch only to its own tenant's
 * sessions, each event only to those who may see it ({@link EventAudience}); and every period a statistics
 * snapshot to each tenant's supervisors.
 */
public final class EventsHub implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventsHub.class.getName());
    private final Map<TenantId, Set<EventSession>> sessions = new ConcurrentHashMap<>();
    private final RealtimeStats stats;
    private final AutoCloseable subscription;
    private final Thread statsPusher;
    private volatile boolean running = true;

    public EventsHub(AcdEventStream stream, RealtimeStats stats, Duration statsPeriod) {
        this.stats = stats;
        this.subscription = stream.subscribe(this::deliver);
        this.statsPusher = Thread.ofVirtual().name("events-stats").start(() -> pushStats(statsPeriod));
    }

    void add(EventSession session) {
        sessions.computeIfAbsent(session.caller().tenantId(), t -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(EventSession session) {
        sessions.computeIfPresent(session.caller().tenantId(), (t, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sessions open on this node (for metrics and tests). */
    public int sessionCount() {
        return sessions.values().stream().mapToInt(Set::size).sum();
    }

    private void deliver(EventBatch batch) {
        Set<EventSession> tenantSessions = sessions.get(batch.tenantId());
        if (tenantSessions == null) {
            return;
        }
        for (AcdEvent event : batch.events()) {
            String message = null;
            for (EventSession session : tenantSessions) {
                if (EventAudience.sees(session.caller(), event)) {
                    message = message != null ? message : EventMessages.of(batch.tenantId(), event);
                    session.send(message);
                }
            }
        }
    }

    /** The statistics snapshot for one tenant's supervisors, now (also sent to a supervisor who connects). */
    String statsMessage(TenantId tenant) {
        RealtimeStats.Snapshot snapshot = stats.of(tenant);
        return EventMessages.of(tenant, "stats.realtime", snapshot.at(), snapshot);
    }

    private void pushStats(Duration period) {
        while (running) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            sessions.forEach((tenant, tenantSessions) -> {
                try {
                    String message = null;
                    for (EventSession session : tenantSessions) {
                        if (EventAudience.seesAll(session.caller())) {
                            message = message != null ? message : statsMessage(tenant);
                            session.send(message);
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "statistics for tenant " + tenant + " failed: " + e);
                }
            });
        }
    }

    @Override
    public void close() {
        running = false;
        statsPusher.interrupt();
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "unsubscribing from ACD events failed: " + e);
        }
        sessions.values().forEach(set -> set.forEach(s -> s.close(1001, "server stopping")));
    }
}
