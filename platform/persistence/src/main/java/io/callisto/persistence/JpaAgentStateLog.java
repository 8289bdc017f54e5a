package io.callisto.persistence;

import io.callisto.core.agent.AgentStateChange;
import io.callisto.core.agent.AgentStateLog;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AgentStateLog on JPA. An append first asks which of the batch's keys are stored (one query per
 * {@value #CHUNK} batches, usually one), then inserts only the others: a retried batch adds nothing and
 * never fails the unit of work on a duplicate key. Listed newest first: changed_at, then batch and index.
 */
final class JpaAgentStateLog implements AgentStateLog {
    static final int CHUNK = 500;
    private final JpaTransactions tx;

    JpaAgentStateLog(JpaTransactions tx) {
        this.tx = tx;
    }

    private record Key(long batch, int index) {
    }

    @Override
    public void appendAll(TenantId tenant, List<AgentStateChange> changes) {
        tx.tenant(tenant, em -> {
            Map<Key, AgentStateChange> missing = new LinkedHashMap<>();
            changes.forEach(c -> missing.putIfAbsent(new Key(c.batch(), c.index()), c));
            if (missing.isEmpty()) {
                return null;
            }
            List<Long> batches = missing.keySet().stream().map(Key::batch).distinct().toList();
            for (int from = 0; from < batches.size(); from += CHUNK) {
                List<Long> chunk = batches.subList(from, Math.min(batches.size(), from + CHUNK));
                em.createQuery("select c.batch, c.idx from AgentStateChangeEntity c where c.batch in :batches", Object[].class)
                        .setParameter("batches", chunk)
                        .getResultList()
                        .forEach(row -> missing.remove(new Key(((Number) row[0]).longValue(), ((Number) row[1]).intValue())));
            }
            missing.values().forEach(c -> em.persist(new AgentStateChangeEntity(c)));
            flush(em);
            return null;
        });
    }

    @Override
    public Page<AgentStateChange> list(TenantId tenant, String agentId, PageRequest page) {
        String newestFirst = " order by c.changedAt desc, c.batch desc, c.idx desc";
        return tx.tenant(tenant, em -> {
            TypedQuery<AgentStateChangeEntity> query;
            if (page.after() == null) {
                query = em.createQuery("select c from AgentStateChangeEntity c where c.agentId = :agent" + newestFirst,
                        AgentStateChangeEntity.class);
            } else {
                Cursors.Decoded after = Cursors.decode(page.after(), 2);
                query = em.createQuery("select c from AgentStateChangeEntity c where c.agentId = :agent and (c.changedAt < :at"
                                + " or (c.changedAt = :at and (c.batch < :batch or (c.batch = :batch and c.idx < :idx))))"
                                + newestFirst, AgentStateChangeEntity.class)
                        .setParameter("at", after.at())
                        .setParameter("batch", Cursors.longKey(after.keys().get(0)))
                        .setParameter("idx", Cursors.intKey(after.keys().get(1)));
            }
            List<AgentStateChange> fetched = new ArrayList<>();
            query.setParameter("agent", agentId).setMaxResults(page.limit() + 1).getResultList()
                    .forEach(c -> fetched.add(c.toChange()));
            return Page.ofFetched(fetched, page.limit(), c -> Cursors.encode(c.at(), c.batch(), c.index()));
        });
    }

    private static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw Violations.translate(e);
        }
    }
}
