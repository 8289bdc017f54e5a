package io.callisto.core.testing;

import io.callisto.core.calls.CallDirection;
import io.callisto.core.calls.CallDisposition;
import io.callisto.core.calls.CallFilter;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.CallRecordRepository;
import io.callisto.core.calls.HangupSide;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.testing.InMemoryStore.Owned;
import java.util.Comparator;
import java.util.Optional;

/** CallRecordRepository over the in-memory store: keyed by call id, listed newest start first. */
public final class InMemoryCallRecordRepository implements CallRecordRepository {
    /** Newest first: by start time, then by id, both descending. */
    private static final Comparator<CallRecord> NEWEST_FIRST = Comparator.comparing(CallRecord::startedAt)
            .thenComparing(CallRecord::id).reversed();
    private final InMemoryStore store;

    InMemoryCallRecordRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean insert(TenantId tenant, CallRecord record) {
        return store.access(tenant, () -> store.callRecords.putIfAbsent(new Owned(tenant, record.id()), record) == null);
    }

    @Override
    public Optional<CallRecord> find(TenantId tenant, String callId) {
        return store.access(tenant, () -> Optional.ofNullable(store.callRecords.get(new Owned(tenant, callId))));
    }

    @Override
    public Page<CallRecord> list(TenantId tenant, CallFilter filter, PageRequest page) {
        CallRecord after = page.after() == null ? null : position(page.after());
        return store.access(tenant, () -> Page.ofFetched(InMemoryStore.ofTenant(store.callRecords, tenant)
                .filter(r -> filter.agentId() == null || filter.agentId().equals(r.agentId()))
                .filter(r -> filter.queueId() == null || filter.queueId().equals(r.queueId()))
                .filter(r -> filter.from() == null || !r.startedAt().isBefore(filter.from()))
                .filter(r -> filter.to() == null || r.startedAt().isBefore(filter.to()))
                .filter(r -> after == null || NEWEST_FIRST.compare(r, after) > 0)
                .sorted(NEWEST_FIRST)
                .limit(page.limit() + 1L).toList(), page.limit(), r -> InMemoryCursors.encode(r.startedAt(), r.id())));
    }

    /** A stand-in record holding just the cursor's sort keys. */
    private static CallRecord position(String cursor) {
        InMemoryCursors.Decoded decoded = InMemoryCursors.decode(cursor, 1);
        String id = decoded.keys().get(0);
        if (!CallRecord.isValidId(id)) {
            throw Errors.invalid("invalid-cursor", "the cursor is not one this list returned");
        }
        return new CallRecord(id, CallDirection.INBOUND, "", "", null, null, null, null, null, decoded.at(), null,
                decoded.at(), 0, 0, 0, CallDisposition.ANSWERED, HangupSide.SYSTEM, 0, null);
    }
}
