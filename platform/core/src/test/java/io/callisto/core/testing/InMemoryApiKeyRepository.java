package io.callisto.core.testing;

import io.callisto.core.auth.ApiKey;
import io.callisto.core.auth.ApiKeyRepository;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.Comparator;
import java.util.Optional;

/** ApiKeyRepository over the in-memory store. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {
    private final InMemoryStore store;

    InMemoryApiKeyRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(TenantId tenant, ApiKey key) {
        store.access(tenant, () -> store.apiKeys.put(InMemoryStore.key(tenant, key.id()), key));
    }

    @Override
    public Optional<ApiKey> find(TenantId tenant, String id) {
        return store.access(tenant, () -> Optional.ofNullable(store.apiKeys.get(InMemoryStore.key(tenant, id))));
    }

    @Override
    public Page<ApiKey> list(TenantId tenant, PageRequest page) {
        return store.access(tenant, () -> Page.ofFetched(store.apiKeys.values().stream()
                .filter(k -> k.tenantId().equals(tenant))
                .filter(k -> page.after() == null || k.id().compareTo(page.after()) > 0)
                .sorted(Comparator.comparing(ApiKey::id))
                .limit(page.limit() + 1L).toList(), page.limit(), ApiKey::id));
    }

    @Override
    public boolean delete(TenantId tenant, String id) {
        return store.access(tenant, () -> store.apiKeys.remove(InMemoryStore.key(tenant, id)) != null);
    }
}
