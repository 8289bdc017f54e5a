package io.callisto.persistence;

import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.telephony.NumberConfig;
import io.callisto.core.telephony.NumberRepository;
import io.callisto.core.telephony.NumberRoute;
import io.callisto.core.telephony.TargetType;
import io.callisto.core.telephony.TelephonyErrors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.persistence.config.QueryHints;

/**
 * NumberRepository on JPA. Numbers are tenant-scoped rows, but an E.164 number is unique across all tenants: the two
 * questions across tenants (is this number anyone's; whose is it, for the gateway's route) are native SQL opted in
 * with the hint, like the sign-in lookup. Taken numbers and references to missing trunks or queues are looked for
 * first; the unique constraint and the foreign keys settle races and are reported the same way.
 */
final class JpaNumberRepository implements NumberRepository {
    private static final String ROUTE = "select tenant_id, id, e164, target_type, target_queue_id, target_ivr_flow_id,"
            + " trunk_id from numbers where e164 = ?1";
    private static final String HOLDERS = "select tenant_id, id from numbers where e164 = ?1";
    private final JpaTransactions tx;

    JpaNumberRepository(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(TenantId tenant, NumberConfig number) {
        tx.tenant(tenant, em -> {
            if (em.find(NumberEntity.class, number.id()) != null) {
                throw Violations.dooming(em, Violations.duplicateId());
            }
            requireValid(em, tenant, number);
            em.persist(new NumberEntity(number));
            flush(em);
            return null;
        });
    }

    @Override
    public Optional<NumberConfig> find(TenantId tenant, String numberId) {
        return tx.tenant(tenant, em -> Optional.ofNullable(em.find(NumberEntity.class, numberId))
                .map(NumberEntity::toNumber));
    }

    @Override
    public Page<NumberConfig> list(TenantId tenant, PageRequest page) {
        return tx.tenant(tenant, em -> {
            TypedQuery<NumberEntity> query = page.after() == null
                    ? em.createQuery("select n from NumberEntity n order by n.id", NumberEntity.class)
                    : em.createQuery("select n from NumberEntity n where n.id > :after order by n.id", NumberEntity.class)
                            .setParameter("after", page.after());
            List<NumberConfig> fetched = query.setMaxResults(page.limit() + 1).getResultList().stream()
                    .map(NumberEntity::toNumber).toList();
            return Page.ofFetched(fetched, page.limit(), NumberConfig::id);
        });
    }

    @Override
    public boolean update(TenantId tenant, NumberConfig number) {
        return tx.tenant(tenant, em -> {
            NumberEntity entity = em.find(NumberEntity.class, number.id());
            if (entity == null) {
                return false;
            }
            requireValid(em, tenant, number);
            entity.copyFrom(number);
            flush(em);
            return true;
        });
    }

    @Override
    public boolean delete(TenantId tenant, String numberId) {
        return tx.tenant(tenant, em -> {
            NumberEntity entity = em.find(NumberEntity.class, numberId);
            if (entity == null) {
                return false;
            }
            em.remove(entity);
            em.flush();
            return true;
        });
    }

    @Override
    public Optional<NumberRoute> route(String e164) {
        return tx.global(em -> {
            List<?> rows = em.createNativeQuery(ROUTE)
                    .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                    .setParameter(1, e164)
                    .getResultList();
            return rows.stream().map(r -> (Object[]) r).findFirst().map(row -> new NumberRoute(
                    new TenantId((String) row[0]), (String) row[1], (String) row[2],
                    NumberEntity.target(TargetType.valueOf((String) row[3]), (String) row[4], (String) row[5]),
                    (String) row[6]));
        });
    }

    /** The number is nobody else's, and its trunk and queue are the tenant's (the EntityManager is the tenant's). */
    private static void requireValid(EntityManager em, TenantId tenant, NumberConfig number) {
        List<?> holders = em.createNativeQuery(HOLDERS)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .setParameter(1, number.e164())
                .getResultList();
        for (Object holder : holders) {
            Object[] row = (Object[]) holder;
            if (!tenant.value().equals(row[0]) || !number.id().equals(row[1])) {
                throw Violations.dooming(em, TelephonyErrors.numberTaken());
            }
        }
        if (number.trunkId() != null && em.find(TrunkEntity.class, number.trunkId()) == null) {
            throw Violations.dooming(em, TelephonyErrors.unknownTrunk());
        }
        String queueId = number.target().queueId();
        if (queueId != null && em.find(QueueEntity.class, queueId) == null) {
            throw Violations.dooming(em, TelephonyErrors.unknownQueue());
        }
    }

    private static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw Violations.translateForeignKeys(e, Map.of(Violations.NUMBER_TRUNK_FK, TelephonyErrors::unknownTrunk,
                    Violations.NUMBER_QUEUE_FK, TelephonyErrors::unknownQueue));
        }
    }
}
