package io.callisto.core.testing;

import io.callisto.core.billing.TenantPurge;
import io.callisto.core.ids.TenantId;
import io.callisto.core.testing.InMemoryStore.Owned;
import java.util.Map;

/** TenantPurge over the in-memory store: every table's rows of the tenant, however the table is keyed. */
public final class InMemoryTenantPurge implements TenantPurge {
    private final InMemoryStore store;

    InMemoryTenantPurge(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void purge(TenantId tenant) {
        store.runInTenant(tenant, () -> store.access(tenant, () -> {
            String prefix = InMemoryStore.key(tenant, "");
            for (Map<?, ?> table : store.tablesForPurge()) {
                table.entrySet().removeIf(e -> ownedBy(e.getKey(), e.getValue(), tenant, prefix));
            }
            return null;
        }));
    }

    private static boolean ownedBy(Object key, Object value, TenantId tenant, String prefix) {
        return key.equals(tenant)
                || key instanceof Owned o && o.tenant().equals(tenant)
                || key instanceof String s && s.startsWith(prefix)
                || value instanceof InMemoryWebhookInbox.Row r && r.tenant().equals(tenant);
    }
}
