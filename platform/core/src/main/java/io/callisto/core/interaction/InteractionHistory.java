package io.callisto.core.interaction;

import io.callisto.core.acd.InteractionRecord;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.List;
import java.util.Optional;

/** Port: finished interactions (completed or abandoned), for reports and the interaction history. */
public interface InteractionHistory {
    /** Stores; a record already stored (same interaction id) is skipped, so a retried write is harmless. */
    void recordAll(TenantId tenant, List<InteractionRecord> records);

    Optional<InteractionRecord> find(TenantId tenant, String interactionId);

    /**
     * Sets the disposition and notes of stored finished interactions (what their agent recorded during wrap-up); a
     * record of an interaction not stored is skipped, and applying the same one twice changes nothing more.
     */
    void recordDispositions(TenantId tenant, List<InteractionRecord> records);

    /** Newest first (by end time); the cursor is opaque. Every filter field is optional. */
    Page<InteractionRecord> list(TenantId tenant, HistoryFilter filter, PageRequest page);

    /** Which finished interactions to list. */
    record HistoryFilter(String agentId, String queueId, String contactId) {
        public static final HistoryFilter ALL = new HistoryFilter(null, null, null);
    }
}
