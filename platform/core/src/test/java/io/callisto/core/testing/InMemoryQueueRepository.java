package io.callisto.core.testing;

import io.callisto.core.acd.QueueConfig;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.queue.QueueRepository;
import io.callisto.core.telephony.TelephonyErrors;
import io.callisto.core.testing.InMemoryStore.Owned;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** QueueRepository over the in-memory store. */
public final class InMemoryQueueRepository implements QueueRepository {
    private final InMemoryStore store;

    InMemoryQueueRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(TenantId tenant, QueueConfig queue) {
        store.access(tenant, () -> {
            Owned key = new Owned(tenant, queue.id());
            if (store.queues.containsKey(key)) {
                throw Errors.conflict("duplicate-id", "a record with this id already exists");
            }
            requireNameFree(tenant, queue);
            store.queues.put(key, queue);
            return null;
        });
    }

    @Override
    public Optional<QueueConfig> find(TenantId tenant, String queueId) {
        return store.access(tenant, () -> Optional.ofNullable(store.queues.get(new Owned(tenant, queueId))));
    }

    @Override
    public Page<QueueConfig> list(TenantId tenant, PageRequest page) {
        return store.access(tenant, () -> Page.ofFetched(InMemoryStore.ofTenant(store.queues, tenant)
                .filter(q -> page.after() == null || q.id().compareTo(page.after()) > 0)
                .sorted(Comparator.comparing(QueueConfig::id))
                .limit(page.limit() + 1L).toList(), page.limit(), QueueConfig::id));
    }

    @Override
    public List<QueueConfig> all(TenantId tenant) {
        return store.access(tenant, () -> InMemoryStore.ofTenant(store.queues, tenant)
                .sorted(Comparator.comparing(QueueConfig::id)).toList());
    }

    @Override
    public boolean update(TenantId tenant, QueueConfig queue) {
        return store.access(tenant, () -> {
            Owned key = new Owned(tenant, queue.id());
            if (!store.queues.containsKey(key)) {
                return false;
            }
            requireNameFree(tenant, queue);
            store.queues.put(key, queue);
            return true;
        });
    }

    /** A queue a number sends its calls to is not deleted, like the database's foreign key. */
    @Override
    public boolean delete(TenantId tenant, String queueId) {
        return store.access(tenant, () -> {
            Owned key = new Owned(tenant, queueId);
            if (!store.queues.containsKey(key)) {
                return false;
            }
            if (InMemoryStore.ofTenant(store.numbers, tenant).anyMatch(n -> queueId.equals(n.target().queueId()))) {
                throw TelephonyErrors.queueInUse();
            }
            store.queues.remove(key);
            return true;
        });
    }

    private void requireNameFree(TenantId tenant, QueueConfig queue) {
        boolean taken = InMemoryStore.ofTenant(store.queues, tenant)
                .anyMatch(q -> q.name().equals(queue.name()) && !q.id().equals(queue.id()));
        if (taken) {
            throw Errors.conflict("duplicate-queue-name", "a queue with this name already exists");
        }
    }
}
