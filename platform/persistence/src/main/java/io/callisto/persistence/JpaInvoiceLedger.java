package io.callisto.persistence;

import io.callisto.core.billing.InvoiceLedger;
import io.callisto.core.billing.InvoiceRecord;
import io.callisto.core.ids.TenantId;
import jakarta.persistence.PersistenceException;
import java.util.List;

/** InvoiceLedger on JPA; tenant filtering comes from the tenant-bound EntityManager. Newest first: created_at, then id. */
final class JpaInvoiceLedger implements InvoiceLedger {
    private final JpaTransactions tx;

    JpaInvoiceLedger(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void upsert(TenantId tenant, InvoiceRecord invoice) {
        tx.tenant(tenant, em -> {
            InvoiceEntity entity = em.find(InvoiceEntity.class, invoice.id());
            if (entity == null) {
                em.persist(new InvoiceEntity(invoice));
            } else {
                entity.copyFrom(invoice);
            }
            try {
                em.flush();
            } catch (PersistenceException e) {
                // Two units inserting the same new invoice at once: the loser's unit fails and its webhook is retried.
                throw Violations.translate(e);
            }
            return null;
        });
    }

    @Override
    public List<InvoiceRecord> recent(TenantId tenant, int limit) {
        return tx.tenant(tenant, em -> em.createQuery(
                        "select i from InvoiceEntity i order by i.createdAt desc, i.invoiceId desc", InvoiceEntity.class)
                .setMaxResults(limit)
                .getResultList().stream().map(InvoiceEntity::toRecord).toList());
    }
}
