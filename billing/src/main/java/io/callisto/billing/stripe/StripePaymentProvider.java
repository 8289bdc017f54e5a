package io.callisto.billing.stripe;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionItemUpdateParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.billing.MeterEventCreateParams;
import io.callisto.billing.InvalidSignatureException;
import io.callisto.billing.PaymentProvider;
import io.callisto.billing.ProviderException;
import io.callisto.core.billing.CallUsage;
import io.callisto.core.billing.SubscriptionState;
import io.callisto.core.ids.TenantId;
import io.callisto.core.signup.SignupService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The payment provider on Stripe, through one {@link StripeClient} (its base URL configurable, so tests and proxies
 * point it elsewhere). The only place Stripe types exist in Callisto: what leaves here is core's and billing's own.
 */
public final class StripePaymentProvider implements PaymentProvider {
    /** Stripe's default tolerance for a signature's timestamp: older deliveries are refused as replays. */
    static final long SIGNATURE_TOLERANCE_SECONDS = 300;
    private final StripeClient client;
    private final String webhookSecret;

    public StripePaymentProvider(String apiKey, String apiBase, String webhookSecret) {
        // Retries are ours (the outbox, the provider's webhook redelivery), with our idempotency keys.
        this.client = StripeClient.builder().setApiKey(apiKey).setApiBase(apiBase).setMeterEventsBase(apiBase)
                .setMaxNetworkRetries(0).setConnectTimeout(10_000).setReadTimeout(30_000).build();
        this.webhookSecret = webhookSecret;
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    @Override
    public String createCustomer(TenantId tenant, String companyName, String email, String idempotencyKey) {
        CustomerCreateParams params = CustomerCreateParams.builder().setName(companyName).setEmail(email)
                .putMetadata("tenant_id", tenant.value()).build();
        return call(() -> client.v1().customers().create(params, key(idempotencyKey))).getId();
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest r, String idempotencyKey) {
        Session session = call(() -> client.v1().checkout().sessions().create(StripeParams.checkout(r,
                SignupService.MAX_SEATS), key(idempotencyKey)));
        return new CheckoutSession(session.getId(), session.getUrl());
    }

    @Override
    public Optional<CheckoutOutcome> checkout(String sessionId) {
        return retrieve(() -> client.v1().checkout().sessions().retrieve(sessionId)).map(s -> new CheckoutOutcome(
                s.getId(), s.getCustomer(), s.getClientReferenceId(), s.getSubscription(), "complete".equals(
                        s.getStatus())));
    }

    @Override
    public Optional<SubscriptionState> subscription(String subscriptionId) {
        return retrieve(() -> client.v1().subscriptions().retrieve(subscriptionId)).map(StripeObjects::subscription);
    }

    @Override
    public List<SubscriptionState> subscriptionsOf(String customerId) {
        SubscriptionListParams params = SubscriptionListParams.builder().setCustomer(customerId)
                .setStatus(SubscriptionListParams.Status.ALL).setLimit(100L).build();
        return call(() -> client.v1().subscriptions().list(params)).getData().stream()
                .map(StripeObjects::subscription).toList();
    }

    @Override
    public SubscriptionState setSeats(String subscriptionId, String itemId, int quantity, String idempotencyKey) {
        SubscriptionItemUpdateParams params = SubscriptionItemUpdateParams.builder().setQuantity((long) quantity)
                .setProrationBehavior(SubscriptionItemUpdateParams.ProrationBehavior.CREATE_PRORATIONS).build();
        call(() -> client.v1().subscriptionItems().update(itemId, params, key(idempotencyKey)));
        Subscription after = call(() -> client.v1().subscriptions().retrieve(subscriptionId));
        return StripeObjects.subscription(after);
    }

    @Override
    public void cancelNow(String subscriptionId, String idempotencyKey) {
        call(() -> client.v1().subscriptions().cancel(subscriptionId, SubscriptionCancelParams.builder().build(),
                key(idempotencyKey)));
    }

    @Override
    public Optional<ProviderInvoice> invoice(String invoiceId) {
        return retrieve(() -> client.v1().invoices().retrieve(invoiceId)).map(StripePaymentProvider::invoiceOf);
    }

    private static ProviderInvoice invoiceOf(Invoice i) {
        String subscription = i.getParent() == null || i.getParent().getSubscriptionDetails() == null ? null
                : i.getParent().getSubscriptionDetails().getSubscription();
        return new ProviderInvoice(StripeObjects.invoice(i), i.getCustomer(), subscription,
                i.getAttemptCount() == null ? 0 : i.getAttemptCount().intValue());
    }

    @Override
    public void reportUsage(String customerId, CallUsage usage, String meterEventName) {
        MeterEventCreateParams params = MeterEventCreateParams.builder().setEventName(meterEventName)
                .setIdentifier(usage.callId()).setTimestamp(usage.endedAt().getEpochSecond())
                .putPayload("stripe_customer_id", customerId).putPayload("value", Long.toString(usage.minutes())).build();
        try {
            client.v1().billing().meterEvents().create(params, key("usage:" + usage.callId()));
        } catch (StripeException e) {
            if ("resource_already_exists".equals(e.getCode())) {
                return; // reported before (the identifier is deduplicated): nothing is lost or counted twice
            }
            throw StripeObjects.failure(e);
        }
    }

    @Override
    public String portalUrl(String customerId, String returnUrl) {
        com.stripe.param.billingportal.SessionCreateParams params = com.stripe.param.billingportal.SessionCreateParams
                .builder().setCustomer(customerId).setReturnUrl(returnUrl).build();
        return call(() -> client.v1().billingPortal().sessions().create(params)).getUrl();
    }

    @Override
    public ProviderEvent verify(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidSignatureException("the Stripe-Signature header is missing", null);
        }
        Event event;
        try {
            event = client.constructEvent(payload, signatureHeader, webhookSecret, SIGNATURE_TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            throw new InvalidSignatureException("the signature does not verify: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // verified but not an event (e.g. not JSON): the same answer, the sender is not Stripe
            throw new InvalidSignatureException("the body is not a Stripe event", e);
        }
        // The object is read as raw JSON (only its type, id and customer), so an event of another API version
        // is understood too; everything else about it is fetched again.
        JsonObject object = rawObject(event);
        if (event.getId() == null || event.getType() == null || event.getCreated() == null || object == null
                || !object.has("id")) {
            throw new InvalidSignatureException("the event lacks an id, a type, a creation time or an object", null);
        }
        return new ProviderEvent(event.getId(), event.getType(), Instant.ofEpochSecond(event.getCreated()),
                text(object, "object"), text(object, "id"), text(object, "customer"));
    }

    private static JsonObject rawObject(Event event) {
        try {
            String raw = event.getDataObjectDeserializer().getRawJson();
            return raw == null ? null : JsonParser.parseString(raw).getAsJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonObject object, String field) {
        return object.has(field) && object.get(field).isJsonPrimitive() ? object.get(field).getAsString() : null;
    }

    /** A call whose failure is a {@link ProviderException}. */
    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw StripeObjects.failure(e);
        }
    }

    /** A retrieval where "no such object" is an answer, not a failure. */
    private static <T> Optional<T> retrieve(StripeCall<T> call) {
        try {
            return Optional.ofNullable(call.run());
        } catch (StripeException e) {
            if ("resource_missing".equals(e.getCode()) || Integer.valueOf(404).equals(e.getStatusCode())) {
                return Optional.empty();
            }
            throw StripeObjects.failure(e);
        }
    }

    /** For the error mapping's tests. */
    static ProviderException failureOf(StripeException e) {
        return StripeObjects.failure(e);
    }
}
