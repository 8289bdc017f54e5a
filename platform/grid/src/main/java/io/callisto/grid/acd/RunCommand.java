package io.callisto.grid.acd;

import com.tangosol.util.InvocableMap;
import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.error.CallistoException;
import io.callisto.core.ids.TenantId;
import java.time.Instant;

/**
 * Runs one ACD command where the tenant's state lives, under the entry's lock. The new state is written
 * only when the command succeeds; a refused command leaves the entry untouched.
 */
record RunCommand(TenantId tenant, AcdCommand command, Instant now)
        implements InvocableMap.EntryProcessor<String, TenantAcd, CommandResult> {
    @Override
    public CommandResult process(InvocableMap.Entry<String, TenantAcd> entry) {
        TenantAcd acd = entry.isPresent() ? entry.getValue() : new TenantAcd(tenant, 0);
        try {
            CommandResult result = CommandResult.ok(command.apply(acd, now));
            entry.setValue(acd);
            return result;
        } catch (CallistoException e) {
            return CommandResult.refused(e);
        }
    }
}
