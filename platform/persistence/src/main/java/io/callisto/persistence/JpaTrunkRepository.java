package io.callisto.persistence;

import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.telephony.TelephonyErrors;
import io.callisto.core.telephony.Trunk;
import io.callisto.core.telephony.TrunkRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TrunkRepository on JPA. A taken name is looked for first, the unique constraint settles races; a trunk a number
 * names is looked for first too, and the numbers' foreign key settles races. The password is a plain column: it is
 * stored in clear in the database (the gateway needs it for carriers' digest challenges; a later hardening can
 * encrypt it), and only the inbound digests are derived from it.
 */
final class JpaTrunkRepository implements TrunkRepository {
    private final JpaTransactions tx;

    JpaTrunkRepository(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(TenantId tenant, Trunk trunk) {
        tx.tenant(tenant, em -> {
            if (em.find(TrunkEntity.class, trunk.id()) != null) {
                throw Violations.dooming(em, Violations.duplicateId());
            }
            requireNameFree(em, trunk);
            em.persist(new TrunkEntity(trunk));
            flush(em);
            return null;
        });
    }

    @Override
    public Optional<Trunk> find(TenantId tenant, String trunkId) {
        return tx.tenant(tenant, em -> Optional.ofNullable(em.find(TrunkEntity.class, trunkId)).map(TrunkEntity::toTrunk));
    }

    @Override
    public Page<Trunk> list(TenantId tenant, PageRequest page) {
        return tx.tenant(tenant, em -> {
            TypedQuery<TrunkEntity> query = page.after() == null
                    ? em.createQuery("select t from TrunkEntity t order by t.id", TrunkEntity.class)
                    : em.createQuery("select t from TrunkEntity t where t.id > :after order by t.id", TrunkEntity.class)
                            .setParameter("after", page.after());
            List<Trunk> fetched = query.setMaxResults(page.limit() + 1).getResultList().stream()
                    .map(TrunkEntity::toTrunk).toList();
            return Page.ofFetched(fetched, page.limit(), Trunk::id);
        });
    }

    @Override
    public List<Trunk> all(TenantId tenant) {
        return tx.tenant(tenant, em -> em.createQuery("select t from TrunkEntity t order by t.id", TrunkEntity.class)
                .getResultList().stream().map(TrunkEntity::toTrunk).toList());
    }

    @Override
    public boolean update(TenantId tenant, Trunk trunk) {
        return tx.tenant(tenant, em -> {
            TrunkEntity entity = em.find(TrunkEntity.class, trunk.id());
            if (entity == null) {
                return false;
            }
            if (!entity.name().equals(trunk.name())) {
                requireNameFree(em, trunk);
            }
            entity.copyFrom(trunk);
            flush(em);
            return true;
        });
    }

    @Override
    public boolean delete(TenantId tenant, String trunkId) {
        return tx.tenant(tenant, em -> {
            TrunkEntity entity = em.find(TrunkEntity.class, trunkId);
            if (entity == null) {
                return false;
            }
            boolean used = !em.createQuery("select n.id from NumberEntity n where n.trunkId = :trunk", String.class)
                    .setParameter("trunk", trunkId).setMaxResults(1).getResultList().isEmpty();
            if (used) {
                throw Violations.dooming(em, TelephonyErrors.trunkInUse());
            }
            em.remove(entity);
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw Violations.translateForeignKeys(e, Map.of(Violations.NUMBER_TRUNK_FK, TelephonyErrors::trunkInUse));
            }
            return true;
        });
    }

    private static void requireNameFree(EntityManager em, Trunk trunk) {
        List<String> holders = em.createQuery("select t.id from TrunkEntity t where t.name = :name and t.id <> :id",
                        String.class)
                .setParameter("name", trunk.name())
                .setParameter("id", trunk.id())
                .setMaxResults(1)
                .getResultList();
        if (!holders.isEmpty()) {
            throw Violations.dooming(em, TelephonyErrors.duplicateTrunkName());
        }
    }

    private static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw Violations.translate(e);
        }
    }

    @Override
    public List<TenantId> tenantsWithRegisteringTrunks() {
        // across tenants, like the number route: native SQL opted in with the hint
        return tx.global(em -> {
            List<?> rows = em.createNativeQuery("select distinct tenant_id from trunks where register_to_carrier = true"
                            + " and enabled = true order by tenant_id")
                    .setHint(org.eclipse.persistence.config.QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                    .getResultList();
            return rows.stream().map(row -> new TenantId((String) row)).toList();
        });
    }
}
