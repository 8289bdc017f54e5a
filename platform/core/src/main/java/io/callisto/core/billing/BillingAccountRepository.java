package io.callisto.core.billing;

import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: tenants' billing accounts. Reads and writes of one account happen inside that tenant's unit of work;
 * the lookups across tenants (a webhook naming a customer, the periodic jobs) run outside any unit.
 */
public interface BillingAccountRepository {
    /** Stores a new account; a second account for the tenant or a customer already used is a conflict. */
    void insert(BillingAccount account);

    Optional<BillingAccount> find(TenantId tenant);

    /** Replaces the stored account; false when the tenant has none. */
    boolean update(BillingAccount account);

    /** The tenant whose account has this customer. Outside a unit of work. */
    Optional<TenantId> tenantOfCustomer(String customerId);

    /** Accounts past due whose grace period ended at or before {@code now}, oldest first. Outside a unit. */
    List<TenantId> graceEnded(Instant now, int limit);

    /** Canceled accounts whose retention ended at or before {@code now}. Outside a unit. */
    List<TenantId> retentionEnded(Instant now, int limit);

    /** Accounts with a subscription, ordered by tenant id, after the given one (null: from the start). */
    List<TenantId> withSubscription(TenantId after, int limit);
}
