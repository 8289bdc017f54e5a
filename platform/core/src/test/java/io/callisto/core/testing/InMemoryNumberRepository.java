package io.callisto.core.testing;

import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.telephony.NumberConfig;
import io.callisto.core.telephony.NumberRepository;
import io.callisto.core.telephony.NumberRoute;
import io.callisto.core.telephony.TelephonyErrors;
import io.callisto.core.testing.InMemoryStore.Owned;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * NumberRepository over the in-memory store: E.164 unique across every tenant, trunk and queue references checked
 * like the database's foreign keys.
 */
public final class InMemoryNumberRepository implements NumberRepository {
    private final InMemoryStore store;

    InMemoryNumberRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(TenantId tenant, NumberConfig number) {
        store.access(tenant, () -> {
            Owned key = new Owned(tenant, number.id());
            if (store.numbers.containsKey(key)) {
                throw Errors.conflict("duplicate-id", "a record with this id already exists");
            }
            requireValid(tenant, number);
            store.numbers.put(key, number);
            return null;
        });
    }

    @Override
    public Optional<NumberConfig> find(TenantId tenant, String numberId) {
        return store.access(tenant, () -> Optional.ofNullable(store.numbers.get(new Owned(tenant, numberId))));
    }

    @Override
    public Page<NumberConfig> list(TenantId tenant, PageRequest page) {
        return store.access(tenant, () -> Page.ofFetched(InMemoryStore.ofTenant(store.numbers, tenant)
                .filter(n -> page.after() == null || n.id().compareTo(page.after()) > 0)
                .sorted(Comparator.comparing(NumberConfig::id))
                .limit(page.limit() + 1L).toList(), page.limit(), NumberConfig::id));
    }

    @Override
    public boolean update(TenantId tenant, NumberConfig number) {
        return store.access(tenant, () -> {
            Owned key = new Owned(tenant, number.id());
            if (!store.numbers.containsKey(key)) {
                return false;
            }
            requireValid(tenant, number);
            store.numbers.put(key, number);
            return true;
        });
    }

    @Override
    public boolean delete(TenantId tenant, String numberId) {
        return store.access(tenant, () -> store.numbers.remove(new Owned(tenant, numberId)) != null);
    }

    @Override
    public Optional<NumberRoute> route(String e164) {
        return store.access(null, () -> store.numbers.entrySet().stream()
                .filter(e -> e.getValue().e164().equals(e164))
                .findFirst()
                .map(e -> new NumberRoute(e.getKey().tenant(), e.getValue().id(), e164, e.getValue().target(),
                        e.getValue().trunkId())));
    }

    private void requireValid(TenantId tenant, NumberConfig number) {
        for (Map.Entry<Owned, NumberConfig> e : store.numbers.entrySet()) {
            boolean self = e.getKey().equals(new Owned(tenant, number.id()));
            if (!self && e.getValue().e164().equals(number.e164())) {
                throw TelephonyErrors.numberTaken();
            }
        }
        if (number.trunkId() != null && !store.trunks.containsKey(new Owned(tenant, number.trunkId()))) {
            throw TelephonyErrors.unknownTrunk();
        }
        String queueId = number.target().queueId();
        if (queueId != null && !store.queues.containsKey(new Owned(tenant, queueId))) {
            throw TelephonyErrors.unknownQueue();
        }
    }
}
