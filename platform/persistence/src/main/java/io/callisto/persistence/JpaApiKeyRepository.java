package io.callisto.persistence;

import io.callisto.core.auth.ApiKey;
import io.callisto.core.auth.ApiKeyRepository;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** ApiKeyRepository on JPA; tenant filtering comes from the tenant-bound EntityManager. */
final class JpaApiKeyRepository implements ApiKeyRepository {
    private final JpaTransactions tx;

    JpaApiKeyRepository(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(TenantId tenant, ApiKey key) {
        if (!key.tenantId().equals(tenant)) {
            throw new IllegalStateException("API key of tenant " + key.tenantId() + " stored under " + tenant);
        }
        tx.tenant(tenant, em -> {
            try {
                em.persist(new ApiKeyEntity(key));
                em.flush();
            } catch (PersistenceException e) {
                throw Violations.translate(e);
            }
            return null;
        });
    }

    @Override
    public Optional<ApiKey> find(TenantId tenant, String id) {
        return tx.tenant(tenant, em -> Optional.ofNullable(em.find(ApiKeyEntity.class, id)).map(k -> k.toApiKey(tenant)));
    }

    @Override
    public Page<ApiKey> list(TenantId tenant, PageRequest page) {
        return tx.tenant(tenant, em -> {
            TypedQuery<ApiKeyEntity> query = page.after() == null
                    ? em.createQuery("select k from ApiKeyEntity k order by k.id", ApiKeyEntity.class)
                    : em.createQuery("select k from ApiKeyEntity k where k.id > :after order by k.id", ApiKeyEntity.class)
                            .setParameter("after", page.after());
            List<ApiKey> fetched = query.setMaxResults(page.limit() + 1).getResultList().stream()
                    .map(k -> k.toApiKey(tenant)).toList();
            return Page.ofFetched(fetched, page.limit(), ApiKey::id);
        });
    }

    @Override
    public boolean delete(TenantId tenant, String id) {
        return tx.tenant(tenant, em -> {
            ApiKeyEntity entity = em.find(ApiKeyEntity.class, id);
            if (entity == null) {
                return false;
            }
            em.remove(entity);
            em.flush();
            return true;
        });
    }
}
