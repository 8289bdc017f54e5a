package io.callisto.persistence;

import io.callisto.core.billing.WebhookInbox;
import io.callisto.core.ids.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.eclipse.persistence.config.QueryHints;

/**
 * WebhookInbox on JPA. A receipt is written through the unit's tenant-bound EntityManager, so it commits or rolls
 * back with the event's effect. Whether an event was handled is a question across tenants (the provider's event
 * ids are global, and the table's key is the id alone): native SQL, opted in with the hint like
 * {@code JpaUserRepository.tenantsWithEmail}. Adding an event already stored is looked for first, and the key
 * settles races; either way it is the conflict {@code duplicate-event}, which dooms the unit.
 */
final class JpaWebhookInbox implements WebhookInbox {
    private final JpaTransactions tx;

    JpaWebhookInbox(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean contains(String eventId) {
        return tx.global(em -> stored(em, eventId));
    }

    @Override
    public void add(TenantId tenant, Receipt receipt) {
        tx.tenant(tenant, em -> {
            if (stored(em, receipt.eventId())) {
                throw Violations.dooming(em, Violations.duplicateEvent());
            }
            em.persist(new WebhookEventEntity(receipt));
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw Violations.translate(e, Violations::duplicateEvent);
            }
            return null;
        });
    }

    /** Whether any tenant has the event: deliberately unfiltered. */
    private static boolean stored(EntityManager em, String eventId) {
        return !em.createNativeQuery("select 1 from billing_webhook_events where event_id = ?1")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .setParameter(1, eventId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }
}
