package io.callisto.core.telephony;

import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * Port: a tenant's SIP trunks. Every call names the tenant; none returns another tenant's trunk. The password is
 * stored as given (in clear in the database: the gateway needs it to answer a carrier's digest challenge; a later
 * hardening can encrypt it) and returned only to the platform's own code, never by the API.
 */
public interface TrunkRepository {
    /** Inserts; a {@code duplicate-trunk-name} conflict when the tenant has a trunk of that name. */
    void insert(TenantId tenant, Trunk trunk);

    Optional<Trunk> find(TenantId tenant, String trunkId);

    /** Ordered by id; the cursor is the last id of the previous page. */
    Page<Trunk> list(TenantId tenant, PageRequest page);

    /** Every trunk of the tenant, ordered by id (the gateway's registrations and allow-lists). */
    List<Trunk> all(TenantId tenant);

    /** Replaces; false when there is no such trunk; conflict on a duplicate name. */
    boolean update(TenantId tenant, Trunk trunk);

    /** False when there is no such trunk; a {@code trunk-in-use} conflict while a number of the tenant names it. */
    boolean delete(TenantId tenant, String trunkId);

    /** The tenants with an enabled trunk that registers to its carrier. Outside a unit of work (the gateway asks). */
    List<TenantId> tenantsWithRegisteringTrunks();
}
