package io.callisto.persistence;

import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantRepository;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/** TenantRepository on JPA. Inside a unit of work only the unit's own tenant may be touched. */
final class JpaTenantRepository implements TenantRepository {
    private final JpaTransactions tx;

    JpaTenantRepository(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Tenant tenant) {
        tx.requireUnitTenant(tenant.id());
        tx.global(em -> {
            try {
                em.persist(new TenantEntity(tenant));
                em.flush();
            } catch (PersistenceException e) {
                throw Violations.translate(e);
            }
            return null;
        });
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        tx.requireUnitTenant(id);
        return tx.global(em -> Optional.ofNullable(em.find(TenantEntity.class, id.value())).map(TenantEntity::toTenant));
    }

    @Override
    public boolean update(Tenant tenant) {
        tx.requireUnitTenant(tenant.id());
        return tx.global(em -> {
            TenantEntity entity = em.find(TenantEntity.class, tenant.id().value());
            if (entity == null) {
                return false;
            }
            entity.copyFrom(tenant);
            em.flush();
            return true;
        });
    }
}
