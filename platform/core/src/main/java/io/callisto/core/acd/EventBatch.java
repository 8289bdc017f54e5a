package io.callisto.core.acd;

import io.callisto.core.ids.TenantId;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The events of one ACD command, numbered per tenant without gaps ({@link TenantAcd#stamp}): what the event
 * stream carries to WebSocket subscribers and what the report writer stores.
 */
public record EventBatch(TenantId tenantId, long sequence, List<AcdEvent> events) implements Serializable {
    public EventBatch {
        Objects.requireNonNull(tenantId);
        events = List.copyOf(events);
    }

    /** Serialized in its compact form: every batch crosses the grid to each platform member's event hub. */
    @java.io.Serial
    private Object writeReplace() {
        return EventBatchForm.of(this);
    }
}
