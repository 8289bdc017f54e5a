package io.callisto.core.billing;

import io.callisto.core.ids.TenantId;

/**
 * Port: what billing does when an admin changes the seat lease. Called inside the tenant's locked unit of work,
 * after the ACD accepted the new lease and before it is stored: an exception refuses the change, and everything
 * done for it is undone. With billing disabled the lease is simply stored.
 */
@FunctionalInterface
public interface SeatBilling {
    SeatBilling NONE = (tenant, seats) -> { };

    void leaseChanging(TenantId tenant, int seats);
}
