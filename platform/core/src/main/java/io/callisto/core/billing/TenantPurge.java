package io.callisto.core.billing;

import io.callisto.core.ids.TenantId;

/**
 * Port: deletes every stored row of a tenant, the tenant itself last, in one unit of work of its own. Used when a
 * canceled tenant's retention period is over. A tenant already gone is a no-op.
 */
public interface TenantPurge {
    void purge(TenantId tenant);
}
