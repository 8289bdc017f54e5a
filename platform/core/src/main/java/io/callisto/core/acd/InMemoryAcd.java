package io.callisto.core.acd;

import io.callisto.core.ids.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Acd port in one process: each tenant's state under its own lock. For tests and for reasoning; the
 * cluster runs {@code GridAcd}. Both pass the same contract.
 */
public final class InMemoryAcd implements Acd, AcdEventStream {
    private final ConcurrentMap<TenantId, TenantAcd> tenants = new ConcurrentHashMap<>();
    private final java.util.List<java.util.function.Consumer<EventBatch>> subscribers =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Clock clock;

    public InMemoryAcd(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<AcdEvent> execute(TenantId tenant, AcdCommand command) {
        TenantAcd acd = tenants.computeIfAbsent(tenant, t -> new TenantAcd(t, 0));
        synchronized (acd) {
            List<AcdEvent> events = command.apply(acd, clock.instant());
            if (!events.isEmpty()) {
                // Under the tenant's lock, so subscribers see a tenant's batches in order.
                EventBatch batch = acd.stamp(events);
                subscribers.forEach(s -> s.accept(batch));
            }
            return events;
        }
    }

    @Override
    public AutoCloseable subscribe(java.util.function.Consumer<EventBatch> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override
    public Optional<TenantAcd> snapshot(TenantId tenant) {
        TenantAcd acd = tenants.get(tenant);
        if (acd == null) {
            return Optional.empty();
        }
        synchronized (acd) {
            return Optional.of(copy(acd));
        }
    }

    @Override
    public void forget(TenantId tenant) {
        tenants.remove(tenant);
    }

    /** A deep copy, so readers never see a state another thread is changing: the grid's copy, its compact form. */
    static TenantAcd copy(TenantAcd acd) {
        return TenantAcd.fromBytes(acd.toBytes());
    }
}
