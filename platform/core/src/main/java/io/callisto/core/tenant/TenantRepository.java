package io.callisto.core.tenant;

import io.callisto.core.ids.TenantId;
import java.util.Optional;

/** Port: durable tenants. */
public interface TenantRepository {
    void insert(Tenant tenant);

    Optional<Tenant> find(TenantId id);

    /** Replaces the stored tenant; returns false when no tenant has that id. */
    boolean update(Tenant tenant);
}
