package io.callisto.core.testing;

import io.callisto.core.billing.InvoiceLedger;
import io.callisto.core.billing.InvoiceRecord;
import io.callisto.core.ids.TenantId;
import io.callisto.core.testing.InMemoryStore.Owned;
import java.util.Comparator;
import java.util.List;

/** InvoiceLedger over the in-memory store. */
public final class InMemoryInvoiceLedger implements InvoiceLedger {
    private final InMemoryStore store;

    InMemoryInvoiceLedger(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void upsert(TenantId tenant, InvoiceRecord invoice) {
        store.access(tenant, () -> store.invoices.put(new Owned(tenant, invoice.id()), invoice));
    }

    @Override
    public List<InvoiceRecord> recent(TenantId tenant, int limit) {
        return store.access(tenant, () -> InMemoryStore.ofTenant(store.invoices, tenant)
                .sorted(Comparator.comparing(InvoiceRecord::createdAt).thenComparing(InvoiceRecord::id).reversed())
                .limit(limit).toList());
    }
}
