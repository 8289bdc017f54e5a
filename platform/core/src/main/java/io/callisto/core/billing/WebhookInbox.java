package io.callisto.core.billing;

import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * Port: the payment provider's events handled so far, one row per event id. A receipt is added in the same unit
 * of work as the event's effect, so an event is applied exactly once however often it is delivered.
 */
public interface WebhookInbox {
    /** Whether the event was handled. Outside a unit of work (a cheap check before any work). */
    boolean contains(String eventId);

    /** Inside the tenant's unit: records the event; an event id already recorded is a conflict. */
    void add(TenantId tenant, Receipt receipt);

    /** An event handled: its id and type, when the provider created it, when we received it, what we did. */
    record Receipt(String eventId, String type, Instant createdAt, Instant receivedAt, String outcome) {
        public Receipt {
            Objects.requireNonNull(eventId);
            Objects.requireNonNull(type);
            Objects.requireNonNull(createdAt);
            Objects.requireNonNull(receivedAt);
            Objects.requireNonNull(outcome);
        }
    }
}
