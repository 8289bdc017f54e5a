package io.callisto.core.billing;

import io.callisto.core.ids.TenantId;
import java.util.List;

/** Port: a tenant's invoices as last reported by the payment provider (inside the tenant's unit of work). */
public interface InvoiceLedger {
    /** Stores the invoice, replacing what was stored under its id. */
    void upsert(TenantId tenant, InvoiceRecord invoice);

    /** Newest first. */
    List<InvoiceRecord> recent(TenantId tenant, int limit);
}
