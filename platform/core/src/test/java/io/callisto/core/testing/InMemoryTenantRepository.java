package io.callisto.core.testing;

import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantRepository;
import java.util.Optional;

/** TenantRepository over the in-memory store. */
public final class InMemoryTenantRepository implements TenantRepository {
    private final InMemoryStore store;

    InMemoryTenantRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(Tenant tenant) {
        store.access(tenant.id(), () -> {
            if (store.tenants.putIfAbsent(tenant.id(), tenant) != null) {
                throw new IllegalStateException("tenant exists: " + tenant.id());
            }
            return null;
        });
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return store.access(id, () -> Optional.ofNullable(store.tenants.get(id)));
    }

    @Override
    public boolean update(Tenant tenant) {
        return store.access(tenant.id(), () -> store.tenants.replace(tenant.id(), tenant) != null);
    }
}
