package io.callisto.persistence;

import io.callisto.core.calls.CallFilter;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.CallRecordRepository;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CallRecordRepository on JPA. An insert first looks for the id and skips a record already stored, so a retried write
 * adds nothing and never fails the unit of work (two writers racing with the same id: the second gets the
 * {@code duplicate-id} conflict of the primary key). Listed newest first: started_at, then id, both descending.
 */
final class JpaCallRecordRepository implements CallRecordRepository {
    private final JpaTransactions tx;

    JpaCallRecordRepository(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean insert(TenantId tenant, CallRecord record) {
        return tx.tenant(tenant, em -> {
            if (em.find(CallRecordEntity.class, record.id()) != null) {
                return false;
            }
            em.persist(new CallRecordEntity(record));
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw Violations.translate(e);
            }
            return true;
        });
    }

    @Override
    public Optional<CallRecord> find(TenantId tenant, String callId) {
        return tx.tenant(tenant, em -> Optional.ofNullable(em.find(CallRecordEntity.class, callId))
                .map(CallRecordEntity::toRecord));
    }

    @Override
    public Page<CallRecord> list(TenantId tenant, CallFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        condition(conditions, parameters, "r.agentId = :agent", "agent", filter.agentId());
        condition(conditions, parameters, "r.queueId = :queue", "queue", filter.queueId());
        condition(conditions, parameters, "r.startedAt >= :from", "from", filter.from());
        condition(conditions, parameters, "r.startedAt < :to", "to", filter.to());
        if (page.after() != null) {
            Cursors.Decoded after = Cursors.decode(page.after(), 1);
            conditions.add("(r.startedAt < :at or (r.startedAt = :at and r.id < :id))");
            parameters.put("at", after.at());
            parameters.put("id", after.keys().get(0));
        }
        String jpql = "select r from CallRecordEntity r"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by r.startedAt desc, r.id desc";
        return tx.tenant(tenant, em -> {
            TypedQuery<CallRecordEntity> query = em.createQuery(jpql, CallRecordEntity.class);
            parameters.forEach(query::setParameter);
            List<CallRecord> fetched = new ArrayList<>();
            query.setMaxResults(page.limit() + 1).getResultList().forEach(r -> fetched.add(r.toRecord()));
            return Page.ofFetched(fetched, page.limit(), r -> Cursors.encode(r.startedAt(), r.id()));
        });
    }

    private static void condition(List<String> conditions, Map<String, Object> parameters, String condition, String name,
                                  Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }
}
