package io.callisto.core.testing;

import io.callisto.core.billing.CallUsage;
import io.callisto.core.billing.UsageLedger;
import io.callisto.core.ids.TenantId;
import io.callisto.core.testing.InMemoryStore.Owned;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** UsageLedger over the in-memory store. */
public final class InMemoryUsageLedger implements UsageLedger {
    private final InMemoryStore store;

    InMemoryUsageLedger(InMemoryStore store) {
        this.store = store;
    }

    /** One call's usage and its reporting state. */
    record Row(TenantId tenant, CallUsage usage, int attempts, Instant nextAttemptAt, Instant reportedAt,
               boolean abandoned, String error) {
        Row with(int newAttempts, Instant next, Instant reported, boolean gaveUp, String newError) {
            return new Row(tenant, usage, newAttempts, next, reported, gaveUp, newError);
        }
    }

    @Override
    public void recordAll(TenantId tenant, List<CallUsage> usage) {
        store.access(tenant, () -> {
            usage.forEach(u -> store.usage.putIfAbsent(new Owned(tenant, u.callId()),
                    new Row(tenant, u, 0, u.endedAt(), null, false, null)));
            return null;
        });
    }

    @Override
    public List<Pending> due(Instant now, int limit) {
        return store.access(null, () -> store.usage.values().stream()
                .filter(r -> r.reportedAt() == null && !r.abandoned() && !r.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing((Row r) -> r.usage().endedAt()).thenComparing(r -> r.usage().callId()))
                .limit(limit).map(r -> new Pending(r.tenant(), r.usage(), r.attempts())).toList());
    }

    @Override
    public void markReported(TenantId tenant, String callId, Instant at) {
        update(tenant, callId, r -> r.with(r.attempts() + 1, r.nextAttemptAt(), at, false, null));
    }

    @Override
    public void markRetry(TenantId tenant, String callId, int attempts, Instant nextAttemptAt, String error) {
        update(tenant, callId, r -> r.with(attempts, nextAttemptAt, null, false, error));
    }

    @Override
    public void markAbandoned(TenantId tenant, String callId, String error) {
        update(tenant, callId, r -> r.with(r.attempts(), r.nextAttemptAt(), null, true, error));
    }

    private void update(TenantId tenant, String callId, java.util.function.UnaryOperator<Row> change) {
        store.access(tenant, () -> store.usage.computeIfPresent(new Owned(tenant, callId), (k, r) -> change.apply(r)));
    }

    @Override
    public Summary summary(TenantId tenant, Instant from, Instant to) {
        return store.access(tenant, () -> {
            List<Row> rows = InMemoryStore.ofTenant(store.usage, tenant)
                    .filter(r -> !r.usage().endedAt().isBefore(from) && r.usage().endedAt().isBefore(to)).toList();
            long minutes = rows.stream().mapToLong(r -> r.usage().minutes()).sum();
            long unreported = rows.stream().filter(r -> r.reportedAt() == null).mapToLong(r -> r.usage().minutes()).sum();
            return new Summary(rows.size(), minutes, unreported);
        });
    }
}
