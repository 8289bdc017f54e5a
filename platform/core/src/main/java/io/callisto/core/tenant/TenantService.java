package io.callisto.core.tenant;

import io.callisto.core.auth.Caller;
import io.callisto.core.error.Errors;
import io.callisto.core.tx.Transactions;

/** Reading the caller's own tenant (name, status, seats); later issues add status and seat changes. */
public final class TenantService {
    private final Transactions tx;
    private final TenantRepository tenants;

    public TenantService(Transactions tx, TenantRepository tenants) {
        this.tx = tx;
        this.tenants = tenants;
    }

    public Tenant current(Caller caller) {
        return tx.inTenant(caller.tenantId(), () -> tenants.find(caller.tenantId()))
                .orElseThrow(() -> Errors.notFound("tenant"));
    }
}
