package io.callisto.grid.acd;

import com.tangosol.net.BackingMapManagerContext;
import com.tangosol.util.BinaryEntry;
import com.tangosol.util.InvocableMap;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.EventBatch;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.routing.EventRecorder;
import java.util.List;

/**
 * Writes a command's events next to the tenant's state, inside the entry processor that ran the command: into
 * the event map (which every member with WebSocket subscribers listens to; entries expire after seconds) and,
 * when reports keep something of them, into the outbox (kept until the report writer has stored them). Both
 * keys are associated with the tenant, so the three writes commit, and are backed up, together: an event is
 * published exactly when its state change happened, also when the grid re-runs a command after a failover.
 */
final class EventOutbox {
    static final String EVENTS = "acd-events";
    static final String OUTBOX = "acd-outbox";
    /**
     * The event map's entries only exist to fire its listeners (on insert); nothing reads them later, so they
     * expire soon, keeping the map small at any routing rate.
     */
    static final long EVENT_TTL_MILLIS = 5_000;

    private EventOutbox() {
    }

    @SuppressWarnings("unchecked") // Coherence's converters are raw types
    static void publish(InvocableMap.Entry<String, byte[]> entry, TenantAcd acd, List<AcdEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        EventBatch batch = acd.stamp(events);
        BackingMapManagerContext context = entry.asBinaryEntry().getContext();
        Object key = context.getKeyToInternalConverter().convert(new EventKey(batch.tenantId().value(), batch.sequence()));
        BinaryEntry<EventKey, EventBatch> event = sibling(context, EVENTS, key);
        event.setValue(batch, false);
        event.expire(EVENT_TTL_MILLIS);
        if (EventRecorder.isRecorded(batch)) {
            sibling(context, OUTBOX, key).setValue(batch, false);
        }
    }

    @SuppressWarnings("unchecked")
    private static BinaryEntry<EventKey, EventBatch> sibling(BackingMapManagerContext context, String map, Object key) {
        return (BinaryEntry<EventKey, EventBatch>) context.getBackingMapContext(map).getBackingMapEntry(key);
    }
}
