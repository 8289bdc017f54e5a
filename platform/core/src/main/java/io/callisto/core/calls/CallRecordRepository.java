package io.callisto.core.calls;

import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.Optional;

/** Port: a tenant's call detail records. Every call names the tenant; none returns another tenant's record. */
public interface CallRecordRepository {
    /**
     * Stores the record; one already stored under the same id is left as it is (true when this call stored it), so a
     * retried write is harmless.
     */
    boolean insert(TenantId tenant, CallRecord record);

    Optional<CallRecord> find(TenantId tenant, String callId);

    /** Newest first (by start time, then id, both descending); the cursor is opaque. */
    Page<CallRecord> list(TenantId tenant, CallFilter filter, PageRequest page);
}
