package io.callisto.grid.acd;

import com.tangosol.util.InvocableMap;
import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.error.CallistoException;
import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Runs one ACD command where the tenant's state lives, under the entry's lock. The new state is written
 * only when the command succeeds; a refused command leaves the entry untouched. A request id already in
 * the state (the grid re-running a command after a failover) is not applied again; its events went out
 * with the first run.
 */
record RunCommand(TenantId tenant, String requestId, AcdCommand command, Instant now)
        implements InvocableMap.EntryProcessor<String, byte[], CommandResult> {
    @Override
    public CommandResult process(InvocableMap.Entry<String, byte[]> entry) {
        TenantAcd acd = entry.isPresent() ? StoredTenant.load(entry.getValue()) : new TenantAcd(tenant, 0);
        if (acd.recentResults().contains(requestId)) {
            return CommandResult.replayed();
        }
        try {
            List<AcdEvent> events = command.apply(acd, now);
            acd.recentResults().remember(requestId);
            EventOutbox.publish(entry, acd, events);
            entry.setValue(StoredTenant.store(acd, now));
            return CommandResult.ok(events);
        } catch (CallistoException e) {
            return CommandResult.refused(e);
        }
    }
}
