package io.callisto.billing.stripe.fake;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds and signs the events Stripe would send. Events caused by API calls are also queued in an outbox the tests drain
 * with {@link FakeStripe#takeEvents()}; events of test controls are returned to the caller. Guarded by FakeStripe's lock.
 */
final class FakeStripeEvents {

    private final FakeStripeState state;
    private final Supplier<WebhookSigner> signer;
    private final List<SignedEvent> all = new ArrayList<>();
    private final List<SignedEvent> outbox = new ArrayList<>();

    FakeStripeEvents(FakeStripeState state, Supplier<WebhookSigner> signer) {
        this.state = state;
        this.signer = signer;
    }

    /** An event with {@code request: {id: null, idempotency_key: null}}, as for changes made by Stripe itself. */
    SignedEvent create(String type, JsonObject object, JsonObject previousAttributes) {
        return create(type, object, previousAttributes, null, null);
    }

    SignedEvent create(String type, JsonObject object, JsonObject previousAttributes, String requestId, String idempotencyKey) {
        String id = FakeStripeState.newId("evt_");
        JsonObject json = StripeJson.event(id, type, state.nowSeconds(), object.deepCopy(),
                previousAttributes == null ? null : previousAttributes.deepCopy(), requestId, idempotencyKey);
        String payload = StripeJson.write(json);
        SignedEvent event = new SignedEvent(id, type, payload, signer.get().sign(payload));
        all.add(event);
        return event;
    }

    /** Creates an event caused by an API request and queues it for {@link #take()}. */
    void queue(String type, JsonObject object, JsonObject previousAttributes, String requestId, String idempotencyKey) {
        outbox.add(create(type, object, previousAttributes, requestId, idempotencyKey));
    }

    List<SignedEvent> take() {
        List<SignedEvent> taken = List.copyOf(outbox);
        outbox.clear();
        return taken;
    }

    List<SignedEvent> all() {
        return List.copyOf(all);
    }
}
