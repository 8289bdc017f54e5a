package io.callisto.core.testing;

import io.callisto.core.agent.AwayReason;
import io.callisto.core.agent.AwayReasonRepository;
import io.callisto.core.ids.TenantId;
import java.util.List;
import java.util.Optional;

/** AwayReasonRepository over the in-memory store. */
public final class InMemoryAwayReasonRepository implements AwayReasonRepository {
    private final InMemoryStore store;

    InMemoryAwayReasonRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<List<AwayReason>> find(TenantId tenant) {
        return store.access(tenant, () -> Optional.ofNullable(store.awayReasons.get(tenant)));
    }

    @Override
    public void replace(TenantId tenant, List<AwayReason> reasons) {
        List<AwayReason> list = List.copyOf(reasons);
        store.access(tenant, () -> store.awayReasons.put(tenant, list));
    }
}
