package io.callisto.persistence;

import io.callisto.core.acd.InteractionRecord;
import io.callisto.core.ids.TenantId;
import io.callisto.core.interaction.InteractionHistory;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * InteractionHistory on JPA. Recording first asks which of the ids are stored (one query per
 * {@value #CHUNK} records, usually one), then inserts only the others, so a retried batch adds nothing
 * and never fails the unit of work. Listed newest first: ended_at, then interaction id, both descending.
 */
final class JpaInteractionHistory implements InteractionHistory {
    static final int CHUNK = 500;
    private final JpaTransactions tx;

    JpaInteractionHistory(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void recordAll(TenantId tenant, List<InteractionRecord> records) {
        records.forEach(JpaInteractionHistory::requireComplete);
        tx.tenant(tenant, em -> {
            Map<String, InteractionRecord> missing = new LinkedHashMap<>();
            records.forEach(r -> missing.putIfAbsent(r.interactionId(), r));
            List<String> ids = List.copyOf(missing.keySet());
            for (int from = 0; from < ids.size(); from += CHUNK) {
                em.createQuery("select r.interactionId from InteractionRecordEntity r where r.interactionId in :ids",
                                String.class)
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                        .getResultList()
                        .forEach(missing::remove);
            }
            missing.values().forEach(r -> em.persist(new InteractionRecordEntity(r)));
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw Violations.translate(e);
            }
            return null;
        });
    }

    /** What the table requires of a finished interaction; checked for the whole batch before anything is written. */
    static void requireComplete(InteractionRecord r) {
        Objects.requireNonNull(r.interactionId(), "interactionId");
        Objects.requireNonNull(r.channel(), "channel");
        Objects.requireNonNull(r.finalState(), "finalState");
        Objects.requireNonNull(r.createdAt(), "createdAt");
        Objects.requireNonNull(r.endedAt(), "endedAt");
    }

    @Override
    public void recordDispositions(TenantId tenant, List<InteractionRecord> records) {
        tx.tenant(tenant, em -> {
            for (InteractionRecord r : records) {
                InteractionRecordEntity stored = em.find(InteractionRecordEntity.class, r.interactionId());
                if (stored != null) {
                    stored.disposition(r.disposition(), r.notes());
                }
            }
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw Violations.translate(e);
            }
            return null;
        });
    }

    @Override
    public Optional<InteractionRecord> find(TenantId tenant, String interactionId) {
        return tx.tenant(tenant, em -> Optional.ofNullable(em.find(InteractionRecordEntity.class, interactionId))
                .map(InteractionRecordEntity::toRecord));
    }

    @Override
    public Page<InteractionRecord> list(TenantId tenant, HistoryFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        condition(conditions, parameters, "r.agentId = :agent", "agent", filter.agentId());
        condition(conditions, parameters, "r.queueId = :queue", "queue", filter.queueId());
        condition(conditions, parameters, "r.contactId = :contact", "contact", filter.contactId());
        if (page.after() != null) {
            Cursors.Decoded after = Cursors.decode(page.after(), 1);
            conditions.add("(r.endedAt < :at or (r.endedAt = :at and r.interactionId < :id))");
            parameters.put("at", after.at());
            parameters.put("id", after.keys().get(0));
        }
        String jpql = "select r from InteractionRecordEntity r"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by r.endedAt desc, r.interactionId desc";
        return tx.tenant(tenant, em -> {
            TypedQuery<InteractionRecordEntity> query = em.createQuery(jpql, InteractionRecordEntity.class);
            parameters.forEach(query::setParameter);
            List<InteractionRecord> fetched = new ArrayList<>();
            query.setMaxResults(page.limit() + 1).getResultList().forEach(r -> fetched.add(r.toRecord()));
            return Page.ofFetched(fetched, page.limit(), r -> Cursors.encode(r.endedAt(), r.interactionId()));
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
