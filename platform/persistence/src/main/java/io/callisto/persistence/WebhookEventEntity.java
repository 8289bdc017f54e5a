package io.callisto.persistence;

import io.callisto.core.billing.WebhookInbox.Receipt;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Row of {@code billing_webhook_events}; tenant scoped like {@link UserEntity}, so a receipt is written with the
 * unit's tenant. The table's key is the event id alone (an event is applied once, whichever tenant): the ORM's key
 * also includes the tenant, which only narrows its own statements. Written once, never changed; whether an
 * event is stored is asked across tenants by {@link JpaWebhookInbox} with native SQL.
 */
@Entity
@Table(name = "billing_webhook_events")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class WebhookEventEntity {
    @Id
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "type")
    private String type;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "outcome")
    private String outcome;

    protected WebhookEventEntity() {
        // for JPA
    }

    WebhookEventEntity(Receipt receipt) {
        eventId = receipt.eventId();
        type = receipt.type();
        createdAt = receipt.createdAt();
        receivedAt = receipt.receivedAt();
        outcome = receipt.outcome();
    }
}
