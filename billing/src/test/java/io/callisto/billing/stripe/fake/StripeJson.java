package io.callisto.billing.stripe.fake;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.stripe.Stripe;
import io.callisto.billing.stripe.fake.StripeObjects.CheckoutSession;
import io.callisto.billing.stripe.fake.StripeObjects.Customer;
import io.callisto.billing.stripe.fake.StripeObjects.Invoice;
import io.callisto.billing.stripe.fake.StripeObjects.PortalSession;
import io.callisto.billing.stripe.fake.StripeObjects.Subscription;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON of Stripe objects as the API (version {@link Stripe#API_VERSION}) returns them: snake_case keys,
 * explicit nulls, an {@code "object"} field on every object, times in epoch seconds and amounts in cents.
 */
final class StripeJson {

    static final String PRODUCT_ID = "prod_callisto_seat";

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private StripeJson() {
    }

    static String write(JsonElement json) {
        return GSON.toJson(json);
    }

    static JsonObject customer(Customer c) {
        JsonObject json = object(c.id, "customer");
        json.addProperty("balance", 0L);
        json.addProperty("created", c.created);
        json.addProperty("currency", (String) null);
        json.addProperty("delinquent", false);
        json.addProperty("description", (String) null);
        json.addProperty("email", c.email);
        json.addProperty("invoice_prefix", c.invoicePrefix);
        json.addProperty("livemode", false);
        json.add("metadata", strings(c.metadata));
        json.addProperty("name", c.name);
        json.addProperty("next_invoice_sequence", (long) c.nextInvoiceNumber);
        json.add("preferred_locales", new JsonArray());
        json.addProperty("tax_exempt", "none");
        return json;
    }

    static JsonObject price(String id, long unitAmount) {
        JsonObject recurring = new JsonObject();
        recurring.addProperty("interval", "month");
        recurring.addProperty("interval_count", 1L);
        recurring.addProperty("meter", (String) null);
        recurring.addProperty("trial_period_days", (Long) null);
        recurring.addProperty("usage_type", "licensed");
        JsonObject json = object(id, "price");
        json.addProperty("active", true);
        json.addProperty("billing_scheme", "per_unit");
        json.addProperty("created", 1_767_225_600L);
        json.addProperty("currency", "usd");
        json.addProperty("livemode", false);
        json.addProperty("lookup_key", (String) null);
        json.add("metadata", new JsonObject());
        json.addProperty("nickname", (String) null);
        json.addProperty("product", PRODUCT_ID);
        json.add("recurring", recurring);
        json.addProperty("tax_behavior", "unspecified");
        json.addProperty("type", "recurring");
        json.addProperty("unit_amount", unitAmount);
        json.addProperty("unit_amount_decimal", Long.toString(unitAmount));
        return json;
    }

    static JsonObject subscriptionItem(Subscription s, long unitAmount) {
        JsonObject json = object(s.itemId, "subscription_item");
        json.addProperty("created", s.itemCreated);
        json.addProperty("current_period_end", s.periodEnd);
        json.addProperty("current_period_start", s.periodStart);
        json.add("discounts", new JsonArray());
        json.add("metadata", new JsonObject());
        json.add("price", price(s.priceId, unitAmount));
        json.addProperty("quantity", s.quantity);
        json.addProperty("subscription", s.id);
        json.add("tax_rates", new JsonArray());
        return json;
    }

    static JsonObject subscription(Subscription s, long unitAmount) {
        JsonObject cancellation = new JsonObject();
        cancellation.addProperty("comment", (String) null);
        cancellation.addProperty("feedback", (String) null);
        cancellation.addProperty("reason", s.cancellationReason);
        JsonObject json = object(s.id, "subscription");
        json.addProperty("billing_cycle_anchor", s.billingCycleAnchor);
        json.addProperty("cancel_at", s.cancelAt);
        json.addProperty("cancel_at_period_end", s.cancelAtPeriodEnd);
        json.addProperty("canceled_at", s.canceledAt);
        json.add("cancellation_details", cancellation);
        json.addProperty("collection_method", "charge_automatically");
        json.addProperty("created", s.created);
        json.addProperty("currency", "usd");
        json.addProperty("customer", s.customer);
        json.addProperty("default_payment_method", (String) null);
        json.addProperty("description", (String) null);
        json.add("discounts", new JsonArray());
        json.addProperty("ended_at", s.endedAt);
        json.add("items", list("/v1/subscription_items?subscription=" + s.id, List.of(subscriptionItem(s, unitAmount)), false));
        json.addProperty("latest_invoice", s.latestInvoice);
        json.addProperty("livemode", false);
        json.add("metadata", strings(s.metadata));
        json.add("pending_update", JsonNull.INSTANCE);
        json.addProperty("schedule", (String) null);
        json.addProperty("start_date", s.created);
        json.addProperty("status", s.status);
        json.addProperty("test_clock", (String) null);
        json.addProperty("trial_end", s.trialEnd);
        json.addProperty("trial_start", s.trialStart);
        return json;
    }

    static JsonObject checkoutSession(CheckoutSession s) {
        JsonObject json = object(s.id, "checkout.session");
        json.addProperty("amount_subtotal", s.amountTotal);
        json.addProperty("amount_total", s.amountTotal);
        json.addProperty("cancel_url", s.cancelUrl);
        json.addProperty("client_reference_id", s.clientReferenceId);
        json.addProperty("created", s.created);
        json.addProperty("currency", "usd");
        json.addProperty("customer", s.customer);
        json.addProperty("customer_email", s.customerEmail);
        json.addProperty("expires_at", s.expiresAt);
        json.addProperty("invoice", s.invoice);
        json.addProperty("livemode", false);
        json.add("metadata", strings(s.metadata));
        json.addProperty("mode", s.mode);
        json.addProperty("payment_status", s.paymentStatus);
        json.addProperty("status", s.status);
        json.addProperty("subscription", s.subscription);
        json.addProperty("success_url", s.successUrl);
        json.addProperty("ui_mode", "hosted");
        json.addProperty("url", "open".equals(s.status) ? s.url : null);
        return json;
    }

    static JsonObject invoice(Invoice i) {
        JsonObject json = object(i.id, "invoice");
        json.addProperty("account_country", "US");
        json.addProperty("account_name", "Callisto (FakeStripe)");
        json.addProperty("amount_due", i.amountDue);
        json.addProperty("amount_overpaid", 0L);
        json.addProperty("amount_paid", i.amountPaid);
        json.addProperty("amount_remaining", i.amountDue - i.amountPaid);
        json.addProperty("attempt_count", i.attemptCount);
        json.addProperty("attempted", i.attemptCount > 0);
        json.addProperty("auto_advance", "open".equals(i.status));
        json.addProperty("billing_reason", i.billingReason);
        json.addProperty("collection_method", "charge_automatically");
        json.addProperty("created", i.created);
        json.addProperty("currency", "usd");
        json.addProperty("customer", i.customer);
        json.addProperty("customer_email", i.customerEmail);
        json.addProperty("customer_name", i.customerName);
        json.addProperty("description", (String) null);
        json.addProperty("effective_at", i.finalizedAt);
        json.addProperty("hosted_invoice_url", i.hostedInvoiceUrl);
        json.addProperty("invoice_pdf", i.invoicePdf);
        json.add("lines", list("/v1/invoices/" + i.id + "/lines", List.of(invoiceLine(i)), false));
        json.addProperty("livemode", false);
        json.add("metadata", new JsonObject());
        json.addProperty("next_payment_attempt", i.nextPaymentAttempt);
        json.addProperty("number", i.number);
        json.add("parent", invoiceParent(i.subscription));
        json.addProperty("period_end", i.periodEnd);
        json.addProperty("period_start", i.periodStart);
        json.addProperty("status", i.status);
        JsonObject transitions = new JsonObject();
        transitions.addProperty("finalized_at", i.finalizedAt);
        transitions.addProperty("marked_uncollectible_at", (Long) null);
        transitions.addProperty("paid_at", i.paidAt);
        transitions.addProperty("voided_at", (Long) null);
        json.add("status_transitions", transitions);
        json.addProperty("subtotal", i.amountDue);
        json.addProperty("total", i.amountDue);
        return json;
    }

    private static JsonObject invoiceParent(String subscriptionId) {
        JsonObject details = new JsonObject();
        details.add("metadata", new JsonObject());
        details.addProperty("subscription", subscriptionId);
        details.addProperty("subscription_proration_date", (Long) null);
        JsonObject parent = new JsonObject();
        parent.add("quote_details", JsonNull.INSTANCE);
        parent.add("subscription_details", details);
        parent.addProperty("type", "subscription_details");
        return parent;
    }

    private static JsonObject invoiceLine(Invoice i) {
        JsonObject itemDetails = new JsonObject();
        itemDetails.addProperty("invoice_item", (String) null);
        itemDetails.addProperty("proration", false);
        itemDetails.addProperty("subscription", i.subscription);
        itemDetails.addProperty("subscription_item", i.subscriptionItem);
        JsonObject parent = new JsonObject();
        parent.add("subscription_item_details", itemDetails);
        parent.addProperty("type", "subscription_item_details");
        JsonObject period = new JsonObject();
        period.addProperty("end", i.periodEnd);
        period.addProperty("start", i.periodStart);
        JsonObject priceDetails = new JsonObject();
        priceDetails.addProperty("price", i.priceId);
        priceDetails.addProperty("product", PRODUCT_ID);
        JsonObject pricing = new JsonObject();
        pricing.add("price_details", priceDetails);
        pricing.addProperty("type", "price_details");
        pricing.addProperty("unit_amount_decimal", Long.toString(i.unitAmount));
        JsonObject json = object(i.lineId, "line_item");
        json.addProperty("amount", i.amountDue);
        json.addProperty("currency", "usd");
        json.addProperty("description", i.quantity + " × Seat");
        json.addProperty("invoice", i.id);
        json.addProperty("livemode", false);
        json.add("metadata", new JsonObject());
        json.add("parent", parent);
        json.add("period", period);
        json.add("pricing", pricing);
        json.addProperty("quantity", i.quantity);
        json.addProperty("subtotal", i.amountDue);
        return json;
    }

    static JsonObject meterEvent(String eventName, String identifier, Map<String, String> payload, long timestamp, long created) {
        JsonObject json = new JsonObject();
        json.addProperty("object", "billing.meter_event");
        json.addProperty("created", created);
        json.addProperty("event_name", eventName);
        json.addProperty("identifier", identifier);
        json.addProperty("livemode", false);
        json.add("payload", strings(payload));
        json.addProperty("timestamp", timestamp);
        return json;
    }

    static JsonObject portalSession(PortalSession p) {
        JsonObject json = object(p.id, "billing_portal.session");
        json.addProperty("configuration", "bpc_fake_default");
        json.addProperty("created", p.created);
        json.addProperty("customer", p.customer);
        json.add("flow", JsonNull.INSTANCE);
        json.addProperty("livemode", false);
        json.addProperty("locale", (String) null);
        json.addProperty("on_behalf_of", (String) null);
        json.addProperty("return_url", p.returnUrl);
        json.addProperty("url", p.url);
        return json;
    }

    static JsonObject list(String url, List<JsonObject> data, boolean hasMore) {
        JsonArray array = new JsonArray();
        data.forEach(array::add);
        JsonObject json = new JsonObject();
        json.addProperty("object", "list");
        json.add("data", array);
        json.addProperty("has_more", hasMore);
        json.addProperty("url", url);
        return json;
    }

    /** Stripe's error body; null code and param are left out, as Stripe does. */
    static JsonObject error(String type, String code, String message, String param) {
        JsonObject error = new JsonObject();
        if (code != null) {
            error.addProperty("code", code);
            error.addProperty("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.addProperty("message", message);
        if (param != null) error.addProperty("param", param);
        error.addProperty("type", type);
        JsonObject json = new JsonObject();
        json.add("error", error);
        return json;
    }

    /**
     * A v1 event envelope, pinned to the library's API version so that
     * {@code event.getDataObjectDeserializer().getObject()} is present.
     */
    static JsonObject event(String id, String type, long created, JsonObject object, JsonObject previousAttributes,
                            String requestId, String idempotencyKey) {
        JsonObject data = new JsonObject();
        data.add("object", object);
        if (previousAttributes != null) data.add("previous_attributes", previousAttributes);
        JsonObject request = new JsonObject();
        request.addProperty("id", requestId);
        request.addProperty("idempotency_key", idempotencyKey);
        JsonObject json = object(id, "event");
        json.addProperty("api_version", Stripe.API_VERSION);
        json.addProperty("created", created);
        json.add("data", data);
        json.addProperty("livemode", false);
        json.addProperty("pending_webhooks", 1L);
        json.add("request", request);
        json.addProperty("type", type);
        return json;
    }

    /** The top-level keys whose values differ, with their values in {@code before} (Stripe's previous_attributes). */
    static JsonObject previousAttributes(JsonObject before, JsonObject after) {
        JsonObject previous = new JsonObject();
        for (Map.Entry<String, JsonElement> entry : before.entrySet()) {
            if (!entry.getValue().equals(after.get(entry.getKey()))) previous.add(entry.getKey(), entry.getValue().deepCopy());
        }
        return previous;
    }

    static JsonObject strings(Map<String, String> map) {
        JsonObject json = new JsonObject();
        map.forEach(json::addProperty);
        return json;
    }

    private static JsonObject object(String id, String objectName) {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("object", objectName);
        return json;
    }
}
