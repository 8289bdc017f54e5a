package io.callisto.persistence;

import io.callisto.core.acd.QueueConfig;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.queue.QueueRepository;
import io.callisto.core.telephony.TelephonyErrors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * QueueRepository on JPA; a taken name is looked for first, the unique constraint settles races. A queue a number sends
 * its calls to is looked for first too, and the numbers' foreign key settles races ({@code queue-in-use}).
 */
final class JpaQueueRepository implements QueueRepository {
    private final JpaTransactions tx;

    JpaQueueRepository(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(TenantId tenant, QueueConfig queue) {
        tx.tenant(tenant, em -> {
            if (em.find(QueueEntity.class, queue.id()) != null) {
                throw Violations.dooming(em, Violations.duplicateId());
            }
            requireNameFree(em, queue);
            em.persist(new QueueEntity(queue));
            flush(em);
            return null;
        });
    }

    @Override
    public Optional<QueueConfig> find(TenantId tenant, String queueId) {
        return tx.tenant(tenant, em -> Optional.ofNullable(em.find(QueueEntity.class, queueId)).map(QueueEntity::toQueue));
    }

    @Override
    public Page<QueueConfig> list(TenantId tenant, PageRequest page) {
        return tx.tenant(tenant, em -> {
            TypedQuery<QueueEntity> query = page.after() == null
                    ? em.createQuery("select q from QueueEntity q order by q.id", QueueEntity.class)
                    : em.createQuery("select q from QueueEntity q where q.id > :after order by q.id", QueueEntity.class)
                            .setParameter("after", page.after());
            List<QueueConfig> fetched = query.setMaxResults(page.limit() + 1).getResultList().stream()
                    .map(QueueEntity::toQueue).toList();
            return Page.ofFetched(fetched, page.limit(), QueueConfig::id);
        });
    }

    @Override
    public List<QueueConfig> all(TenantId tenant) {
        return tx.tenant(tenant, em -> em.createQuery("select q from QueueEntity q order by q.id", QueueEntity.class)
                .getResultList().stream().map(QueueEntity::toQueue).toList());
    }

    @Override
    public boolean update(TenantId tenant, QueueConfig queue) {
        return tx.tenant(tenant, em -> {
            QueueEntity entity = em.find(QueueEntity.class, queue.id());
            if (entity == null) {
                return false;
            }
            if (!entity.name().equals(queue.name())) {
                requireNameFree(em, queue);
            }
            entity.copyFrom(queue);
            flush(em);
            return true;
        });
    }

    @Override
    public boolean delete(TenantId tenant, String queueId) {
        return tx.tenant(tenant, em -> {
            QueueEntity entity = em.find(QueueEntity.class, queueId);
            if (entity == null) {
                return false;
            }
            boolean used = !em.createQuery("select n.id from NumberEntity n where n.targetQueueId = :queue", String.class)
                    .setParameter("queue", queueId).setMaxResults(1).getResultList().isEmpty();
            if (used) {
                throw Violations.dooming(em, TelephonyErrors.queueInUse());
            }
            em.remove(entity);
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw Violations.translateForeignKeys(e, Map.of(Violations.NUMBER_QUEUE_FK, TelephonyErrors::queueInUse));
            }
            return true;
        });
    }

    private static void requireNameFree(EntityManager em, QueueConfig queue) {
        List<String> holders = em.createQuery("select q.id from QueueEntity q where q.name = :name and q.id <> :id",
                        String.class)
                .setParameter("name", queue.name())
                .setParameter("id", queue.id())
                .setMaxResults(1)
                .getResultList();
        if (!holders.isEmpty()) {
            throw Violations.dooming(em, Violations.duplicateQueueName());
        }
    }

    private static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw Violations.translate(e);
        }
    }
}
