package io.callisto.core.testing;

import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.telephony.TelephonyErrors;
import io.callisto.core.telephony.Trunk;
import io.callisto.core.telephony.TrunkRepository;
import io.callisto.core.testing.InMemoryStore.Owned;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** TrunkRepository over the in-memory store; a trunk a number names is not deleted, like the database's foreign key. */
public final class InMemoryTrunkRepository implements TrunkRepository {
    private final InMemoryStore store;

    InMemoryTrunkRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(TenantId tenant, Trunk trunk) {
        store.access(tenant, () -> {
            Owned key = new Owned(tenant, trunk.id());
            if (store.trunks.containsKey(key)) {
                throw Errors.conflict("duplicate-id", "a record with this id already exists");
            }
            requireNameFree(tenant, trunk);
            store.trunks.put(key, trunk);
            return null;
        });
    }

    @Override
    public Optional<Trunk> find(TenantId tenant, String trunkId) {
        return store.access(tenant, () -> Optional.ofNullable(store.trunks.get(new Owned(tenant, trunkId))));
    }

    @Override
    public Page<Trunk> list(TenantId tenant, PageRequest page) {
        return store.access(tenant, () -> Page.ofFetched(InMemoryStore.ofTenant(store.trunks, tenant)
                .filter(t -> page.after() == null || t.id().compareTo(page.after()) > 0)
                .sorted(Comparator.comparing(Trunk::id))
                .limit(page.limit() + 1L).toList(), page.limit(), Trunk::id));
    }

    @Override
    public List<Trunk> all(TenantId tenant) {
        return store.access(tenant, () -> InMemoryStore.ofTenant(store.trunks, tenant)
                .sorted(Comparator.comparing(Trunk::id)).toList());
    }

    @Override
    public boolean update(TenantId tenant, Trunk trunk) {
        return store.access(tenant, () -> {
            Owned key = new Owned(tenant, trunk.id());
            if (!store.trunks.containsKey(key)) {
                return false;
            }
            requireNameFree(tenant, trunk);
            store.trunks.put(key, trunk);
            return true;
        });
    }

    @Override
    public boolean delete(TenantId tenant, String trunkId) {
        return store.access(tenant, () -> {
            Owned key = new Owned(tenant, trunkId);
            if (!store.trunks.containsKey(key)) {
                return false;
            }
            if (InMemoryStore.ofTenant(store.numbers, tenant).anyMatch(n -> trunkId.equals(n.trunkId()))) {
                throw TelephonyErrors.trunkInUse();
            }
            store.trunks.remove(key);
            return true;
        });
    }

    private void requireNameFree(TenantId tenant, Trunk trunk) {
        if (InMemoryStore.ofTenant(store.trunks, tenant).anyMatch(t -> t.name().equals(trunk.name())
                && !t.id().equals(trunk.id()))) {
            throw TelephonyErrors.duplicateTrunkName();
        }
    }

    @Override
    public List<TenantId> tenantsWithRegisteringTrunks() {
        return store.access(null, () -> store.trunks.entrySet().stream()
                .filter(e -> e.getValue().enabled() && e.getValue().register())
                .map(e -> e.getKey().tenant()).distinct().sorted(java.util.Comparator.comparing(TenantId::value)).toList());
    }
}
