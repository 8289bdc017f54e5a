package io.callisto.core.tx;

import io.callisto.core.ids.TenantId;
import java.util.function.Supplier;

/**
 * Port: a unit of work scoped to one tenant. Everything the work does through the repositories
 * commits together or not at all. Nested calls for the same tenant join the outer unit; a nested
 * call for another tenant is a programming error and fails.
 */
public interface Transactions {
    <T> T inTenant(TenantId tenant, Supplier<T> work);

    /**
     * Inside a unit of work for this tenant: waits until no other unit holds the tenant's lock, then holds it
     * until this unit ends. For invariants across many rows of a tenant ("at least one admin").
     */
    void lockTenant(TenantId tenant);

    default void runInTenant(TenantId tenant, Runnable work) {
        inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }
}
