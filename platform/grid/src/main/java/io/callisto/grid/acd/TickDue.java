package io.callisto.grid.acd;

import com.tangosol.util.InvocableMap;
import io.callisto.core.acd.AcdEngine;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.TenantAcd;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Applies a tenant's due deadlines where its state lives; runs only on tenants the index found due. */
record TickDue(Instant now) implements InvocableMap.EntryProcessor<String, byte[], List<AcdEvent>>, Serializable {
    @Override
    public List<AcdEvent> process(InvocableMap.Entry<String, byte[]> entry) {
        if (!entry.isPresent()) {
            return List.of();
        }
        TenantAcd acd = StoredTenant.load(entry.getValue());
        List<AcdEvent> events = AcdEngine.tick(acd, now);
        EventOutbox.publish(entry, acd, events);
        entry.setValue(StoredTenant.store(acd, now));
        return events;
    }
}
