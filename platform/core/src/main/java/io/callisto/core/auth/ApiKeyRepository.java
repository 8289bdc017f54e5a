package io.callisto.core.auth;

import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.Optional;

/** Port: a tenant's API keys. */
public interface ApiKeyRepository {
    void insert(TenantId tenant, ApiKey key);

    Optional<ApiKey> find(TenantId tenant, String id);

    Page<ApiKey> list(TenantId tenant, PageRequest page);

    boolean delete(TenantId tenant, String id);
}
