package io.callisto.core.acd;

import io.callisto.core.ids.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Port: automatic call distribution. Voice calls from the gateway and tasks from the REST API enter through
 * the same port. Every call names the tenant; a command runs atomically on that tenant's state and returns
 * its events, or throws a CallistoException having changed nothing.
 */
public interface Acd {
    List<AcdEvent> execute(TenantId tenant, AcdCommand command);

    /** A consistent copy of the tenant's routing state (for reads and statistics), if it has any. */
    Optional<TenantAcd> snapshot(TenantId tenant);

    /** Drops the tenant's whole routing state (a deleted tenant); a tenant with none is a no-op. */
    void forget(TenantId tenant);
}
