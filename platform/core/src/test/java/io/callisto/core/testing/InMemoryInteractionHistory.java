package io.callisto.core.testing;

import io.callisto.core.acd.InteractionRecord;
import io.callisto.core.ids.TenantId;
import io.callisto.core.interaction.InteractionHistory;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.testing.InMemoryStore.Owned;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** InteractionHistory over the in-memory store: keyed by interaction id, listed newest end first. */
public final class InMemoryInteractionHistory implements InteractionHistory {
    /** Newest first: by end time, then by interaction id, both descending. */
    private static final Comparator<InteractionRecord> NEWEST_FIRST = Comparator.comparing(InteractionRecord::endedAt)
            .thenComparing(InteractionRecord::interactionId).reversed();
    private final InMemoryStore store;

    InMemoryInteractionHistory(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void recordAll(TenantId tenant, List<InteractionRecord> records) {
        records.forEach(InMemoryInteractionHistory::requireComplete);
        store.access(tenant, () -> {
            records.forEach(r -> store.interactions.putIfAbsent(new Owned(tenant, r.interactionId()), r));
            return null;
        });
    }

    /** What the database requires of a finished interaction; checked for the whole batch before anything is stored. */
    private static void requireComplete(InteractionRecord r) {
        Objects.requireNonNull(r.interactionId(), "interactionId");
        Objects.requireNonNull(r.channel(), "channel");
        Objects.requireNonNull(r.finalState(), "finalState");
        Objects.requireNonNull(r.createdAt(), "createdAt");
        Objects.requireNonNull(r.endedAt(), "endedAt");
    }

    @Override
    public void recordDispositions(TenantId tenant, List<InteractionRecord> records) {
        store.access(tenant, () -> {
            records.forEach(r -> store.interactions.computeIfPresent(new Owned(tenant, r.interactionId()),
                    (key, stored) -> withDisposition(stored, r)));
            return null;
        });
    }

    private static InteractionRecord withDisposition(InteractionRecord stored, InteractionRecord update) {
        return new InteractionRecord(stored.interactionId(), stored.channel(), stored.queueId(), stored.agentId(),
                stored.finalState(), stored.from(), stored.subject(), stored.priority(), stored.createdAt(),
                stored.connectedAt(), stored.endedAt(), update.disposition(), update.notes(), stored.contactId(),
                stored.transfers());
    }

    @Override
    public Optional<InteractionRecord> find(TenantId tenant, String interactionId) {
        return store.access(tenant, () -> Optional.ofNullable(store.interactions.get(new Owned(tenant, interactionId))));
    }

    @Override
    public Page<InteractionRecord> list(TenantId tenant, HistoryFilter filter, PageRequest page) {
        InteractionRecord after = page.after() == null ? null : position(page.after());
        return store.access(tenant, () -> Page.ofFetched(InMemoryStore.ofTenant(store.interactions, tenant)
                .filter(r -> filter.agentId() == null || filter.agentId().equals(r.agentId()))
                .filter(r -> filter.queueId() == null || filter.queueId().equals(r.queueId()))
                .filter(r -> filter.contactId() == null || filter.contactId().equals(r.contactId()))
                .filter(r -> after == null || NEWEST_FIRST.compare(r, after) > 0)
                .sorted(NEWEST_FIRST)
                .limit(page.limit() + 1L).toList(), page.limit(), r -> InMemoryCursors.encode(r.endedAt(), r.interactionId())));
    }

    /** A stand-in record holding just the cursor's sort keys. */
    private static InteractionRecord position(String cursor) {
        InMemoryCursors.Decoded decoded = InMemoryCursors.decode(cursor, 1);
        return new InteractionRecord(decoded.keys().get(0), null, null, null, null, null, null, 0, null, null, decoded.at(),
                null, null, null, 0);
    }
}
