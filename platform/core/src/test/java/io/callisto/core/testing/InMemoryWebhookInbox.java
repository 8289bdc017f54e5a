package io.callisto.core.testing;

import io.callisto.core.billing.WebhookInbox;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;

/** WebhookInbox over the in-memory store. */
public final class InMemoryWebhookInbox implements WebhookInbox {
    private final InMemoryStore store;

    InMemoryWebhookInbox(InMemoryStore store) {
        this.store = store;
    }

    record Row(TenantId tenant, Receipt receipt) {
    }

    @Override
    public boolean contains(String eventId) {
        return store.access(null, () -> store.webhookEvents.containsKey(eventId));
    }

    @Override
    public void add(TenantId tenant, Receipt receipt) {
        store.access(tenant, () -> {
            if (store.webhookEvents.putIfAbsent(receipt.eventId(), new Row(tenant, receipt)) != null) {
                throw Errors.conflict("duplicate-event", "event " + receipt.eventId() + " was handled already");
            }
            return null;
        });
    }

    /** The receipt stored for an event, for assertions. */
    public java.util.Optional<Receipt> receipt(String eventId) {
        return store.access(null, () -> java.util.Optional.ofNullable(store.webhookEvents.get(eventId)).map(Row::receipt));
    }
}
