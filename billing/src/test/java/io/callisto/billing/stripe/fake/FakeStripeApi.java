package io.callisto.billing.stripe.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.callisto.billing.stripe.fake.StripeObjects.CheckoutSession;
import io.callisto.billing.stripe.fake.StripeObjects.Customer;
import io.callisto.billing.stripe.fake.StripeObjects.Invoice;
import io.callisto.billing.stripe.fake.StripeObjects.PortalSession;
import io.callisto.billing.stripe.fake.StripeObjects.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's v1 endpoints: routing by method and path, parameter handling, state changes and the events Stripe would send
 * for them (queued in {@link FakeStripeEvents}). Called under FakeStripe's lock, after authentication, failure injection
 * and idempotency have been handled.
 */
final class FakeStripeApi {

    private static final long METER_PAST_LIMIT_SECONDS = 35L * 86_400L;
    private static final long METER_FUTURE_LIMIT_SECONDS = 5L * 60L;

    /** One request as an endpoint sees it: query and body parameters together. */
    record Call(FormBody params, String requestId, String idempotencyKey) {
    }

    @FunctionalInterface
    private interface Endpoint {
        JsonObject handle(String id, Call call);
    }

    private record Route(String method, Pattern path, Endpoint endpoint) {
    }

    private final FakeStripeState state;
    private final FakeStripeEvents events;
    private final List<Route> routes = new ArrayList<>();

    FakeStripeApi(FakeStripeState state, FakeStripeEvents events) {
        this.state = state;
        this.events = events;
        route("POST", "/v1/customers", (id, call) -> createCustomer(call));
        route("GET", "/v1/customers/{id}", (id, call) -> StripeJson.customer(customer(id, "id")));
        route("POST", "/v1/checkout/sessions", (id, call) -> createCheckoutSession(call));
        route("GET", "/v1/checkout/sessions/{id}", (id, call) -> StripeJson.checkoutSession(session(id)));
        route("GET", "/v1/subscriptions", (id, call) -> listSubscriptions(call.params()));
        route("GET", "/v1/subscriptions/{id}", (id, call) -> state.json(subscription(id)));
        route("POST", "/v1/subscriptions/{id}", this::updateSubscription);
        route("DELETE", "/v1/subscriptions/{id}", this::cancelSubscription);
        route("GET", "/v1/subscription_items/{id}", (id, call) -> itemJson(item(id)));
        route("POST", "/v1/subscription_items/{id}", this::updateSubscriptionItem);
        route("GET", "/v1/invoices", (id, call) -> listInvoices(call.params()));
        route("GET", "/v1/invoices/{id}", (id, call) -> StripeJson.invoice(invoice(id)));
        route("POST", "/v1/billing/meter_events", (id, call) -> createMeterEvent(call.params()));
        route("POST", "/v1/billing_portal/sessions", (id, call) -> createPortalSession(call.params()));
    }

    private void route(String method, String template, Endpoint endpoint) {
        String regex = Pattern.quote(template).replace("{id}", "\\E([^/]+)\\Q");
        routes.add(new Route(method, Pattern.compile(regex), endpoint));
    }

    ApiResponse handle(String method, String path, Call call) {
        for (Route route : routes) {
            Matcher m = route.path().matcher(path);
            if (!route.method().equals(method) || !m.matches()) continue;
            try {
                JsonObject json = route.endpoint().handle(m.groupCount() > 0 ? m.group(1) : null, call);
                for (String expand : call.params().list("expand")) expand(json, expand.split("\\."), 0);
                return ApiResponse.ok(StripeJson.write(json));
            } catch (FakeApiError e) {
                return error(e);
            }
        }
        return new ApiResponse(404, StripeJson.write(StripeJson.error("invalid_request_error", null, "Unrecognized request URL ("
                + method + ": " + path + "). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.",
                null)), false, false);
    }

    static ApiResponse error(FakeApiError e) {
        return new ApiResponse(e.status, StripeJson.write(StripeJson.error(e.type, e.code, e.getMessage(), e.param)),
                e.storable, false);
    }

    // ---- customers -------------------------------------------------------------------------------------------------

    private JsonObject createCustomer(Call call) {
        FormBody p = call.params();
        Customer c = state.createCustomer(p.get("name"), p.get("email"), p.map("metadata"));
        JsonObject json = StripeJson.customer(c);
        events.queue("customer.created", json, null, call.requestId(), call.idempotencyKey());
        return json;
    }

    // ---- checkout --------------------------------------------------------------------------------------------------

    private JsonObject createCheckoutSession(Call call) {
        FormBody p = call.params();
        String mode = required(p, "mode");
        if (!"subscription".equals(mode)) throw FakeApiError.invalidParam("mode", "FakeStripe supports only mode=subscription.");
        String price = p.get("line_items[0][price]");
        if (price == null) throw FakeApiError.missingParam("line_items");
        String customer = p.get("customer");
        if (customer != null) customer(customer, "customer");
        CheckoutSession s = new CheckoutSession();
        s.id = FakeStripeState.newId("cs_test_");
        s.url = state.baseUrl() + "/checkout/" + s.id;
        s.mode = mode;
        s.customer = customer;
        s.customerEmail = p.get("customer_email");
        s.clientReferenceId = p.get("client_reference_id");
        s.priceId = price;
        s.quantity = longParam(p, "line_items[0][quantity]", 1L);
        s.trialPeriodDays = p.has("subscription_data[trial_period_days]")
                ? (int) longParam(p, "subscription_data[trial_period_days]", 0L) : null;
        s.metadata.putAll(p.map("metadata"));
        s.subscriptionMetadata.putAll(p.map("subscription_data[metadata]"));
        s.successUrl = p.get("success_url");
        s.cancelUrl = p.get("cancel_url");
        s.created = state.nowSeconds();
        s.expiresAt = s.created + 86_400L;
        boolean trial = s.trialPeriodDays != null && s.trialPeriodDays > 0;
        s.amountTotal = trial ? 0L : s.quantity * state.unitAmount(price);
        state.sessions.put(s.id, s);
        return StripeJson.checkoutSession(s);
    }

    // ---- subscriptions ---------------------------------------------------------------------------------------------

    private JsonObject listSubscriptions(FormBody p) {
        String customer = p.get("customer");
        if (customer != null) customer(customer, "customer");
        String status = p.get("status");
        String price = p.get("price");
        Predicate<Subscription> filter = s -> (customer == null || s.customer.equals(customer))
                && (price == null || s.priceId.equals(price))
                && (status == null ? !"canceled".equals(s.status) : "all".equals(status) || s.status.equals(status));
        List<JsonObject> data = state.subscriptions.values().stream().toList().reversed().stream()
                .filter(filter).map(state::json).toList();
        return page("/v1/subscriptions", data, p);
    }

    private JsonObject updateSubscription(String id, Call call) {
        Subscription s = subscription(id);
        FormBody p = call.params();
        requireNotCanceled(s);
        JsonObject before = state.json(s);
        if (p.has("cancel_at_period_end")) {
            s.cancelAtPeriodEnd = Boolean.parseBoolean(p.get("cancel_at_period_end"));
            s.cancelAt = s.cancelAtPeriodEnd ? s.periodEnd : null;
            s.canceledAt = s.cancelAtPeriodEnd ? Long.valueOf(state.nowSeconds()) : null;
            s.cancellationReason = s.cancelAtPeriodEnd ? "cancellation_requested" : null;
        }
        p.map("metadata").forEach((k, v) -> {
            if (v.isEmpty()) s.metadata.remove(k);
            else s.metadata.put(k, v);
        });
        String itemId = p.get("items[0][id]");
        if (itemId != null && !itemId.equals(s.itemId)) throw FakeApiError.noSuch("subscription_item", itemId, "items[0][id]");
        if (p.has("items[0][quantity]")) {
            s.quantity = longParam(p, "items[0][quantity]", s.quantity);
            s.lastProrationBehavior = p.get("proration_behavior");
        }
        if (p.has("items[0][price]")) s.priceId = p.get("items[0][price]");
        return queueUpdated(s, before, call);
    }

    private JsonObject cancelSubscription(String id, Call call) {
        Subscription s = subscription(id);
        if ("canceled".equals(s.status)) {
            throw FakeApiError.invalidRequest("FakeStripe: subscription " + id + " is already canceled.");
        }
        long now = state.nowSeconds();
        s.status = "canceled";
        s.canceledAt = s.canceledAt == null ? Long.valueOf(now) : s.canceledAt;
        s.endedAt = now;
        s.cancellationReason = "cancellation_requested";
        JsonObject json = state.json(s);
        events.queue("customer.subscription.deleted", json, null, call.requestId(), call.idempotencyKey());
        return json;
    }

    private JsonObject updateSubscriptionItem(String id, Call call) {
        Subscription s = item(id);
        FormBody p = call.params();
        requireNotCanceled(s);
        JsonObject before = state.json(s);
        if (p.has("quantity")) s.quantity = longParam(p, "quantity", s.quantity);
        if (p.has("price")) s.priceId = p.get("price");
        s.lastProrationBehavior = p.get("proration_behavior");
        queueUpdated(s, before, call);
        return itemJson(s);
    }

    private JsonObject queueUpdated(Subscription s, JsonObject before, Call call) {
        JsonObject after = state.json(s);
        if (!before.equals(after)) {
            events.queue("customer.subscription.updated", after, StripeJson.previousAttributes(before, after),
                    call.requestId(), call.idempotencyKey());
        }
        return after;
    }

    private static void requireNotCanceled(Subscription s) {
        if ("canceled".equals(s.status)) {
            throw FakeApiError.invalidRequest("A canceled subscription can only update its cancellation_details and metadata.");
        }
    }

    private JsonObject itemJson(Subscription s) {
        return StripeJson.subscriptionItem(s, state.unitAmount(s.priceId));
    }

    // ---- invoices --------------------------------------------------------------------------------------------------

    private JsonObject listInvoices(FormBody p) {
        String customer = p.get("customer");
        if (customer != null) customer(customer, "customer");
        String subscription = p.get("subscription");
        String status = p.get("status");
        Predicate<Invoice> filter = i -> (customer == null || i.customer.equals(customer))
                && (subscription == null || i.subscription.equals(subscription))
                && (status == null || i.status.equals(status));
        List<JsonObject> data = state.invoicesNewestFirst().stream().filter(filter).map(StripeJson::invoice).toList();
        return page("/v1/invoices", data, p);
    }

    // ---- meter events and portal -----------------------------------------------------------------------------------

    /**
     * Models Stripe's deduplication of meter events by {@code identifier}: a second event with an identifier already seen
     * adds no usage and is answered 400 {@code resource_already_exists}; our usage reporter treats that answer as "already
     * reported". The timestamp window (35 days back, 5 minutes ahead) is Stripe's documented rule; the message is ours.
     */
    private JsonObject createMeterEvent(FormBody p) {
        String eventName = required(p, "event_name");
        Map<String, String> payload = p.map("payload");
        String customer = payload.get("stripe_customer_id");
        if (customer == null) throw FakeApiError.missingParam("payload[stripe_customer_id]");
        if (!payload.containsKey("value")) throw FakeApiError.missingParam("payload[value]");
        long value = longParam(p, "payload[value]", 0L);
        long now = state.nowSeconds();
        long timestamp = longParam(p, "timestamp", now);
        if (timestamp < now - METER_PAST_LIMIT_SECONDS || timestamp > now + METER_FUTURE_LIMIT_SECONDS) {
            throw FakeApiError.invalidParam("timestamp",
                    "FakeStripe: the timestamp must be within the past 35 days and at most 5 minutes in the future.");
        }
        String identifier = Objects.requireNonNullElseGet(p.get("identifier"), () -> FakeStripeState.newId("fake_"));
        if (state.meterEvents.containsKey(identifier)) {
            throw new FakeApiError(400, "invalid_request_error", "resource_already_exists",
                    "A meter event with identifier " + identifier + " already exists.", "identifier", true);
        }
        state.meterEvents.put(identifier,
                new FakeMeterEvent(identifier, eventName, customer, value, Instant.ofEpochSecond(timestamp)));
        return StripeJson.meterEvent(eventName, identifier, payload, timestamp, now);
    }

    private JsonObject createPortalSession(FormBody p) {
        String customer = required(p, "customer");
        customer(customer, "customer");
        PortalSession session = new PortalSession();
        session.id = FakeStripeState.newId("bps_");
        session.customer = customer;
        session.returnUrl = p.get("return_url");
        session.url = state.baseUrl() + "/portal/" + session.id;
        session.created = state.nowSeconds();
        state.portalSessions.put(session.id, session);
        return StripeJson.portalSession(session);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private Customer customer(String id, String param) {
        Customer c = state.customers.get(id);
        if (c == null) throw FakeApiError.noSuch("customer", id, param);
        return c;
    }

    private CheckoutSession session(String id) {
        CheckoutSession s = state.sessions.get(id);
        if (s == null) throw FakeApiError.noSuch("checkout.session", id, "id");
        return s;
    }

    private Subscription subscription(String id) {
        Subscription s = state.subscriptions.get(id);
        if (s == null) throw FakeApiError.noSuch("subscription", id, "id");
        return s;
    }

    private Subscription item(String id) {
        Subscription s = state.subscriptionByItem(id);
        if (s == null) throw FakeApiError.noSuch("subscription_item", id, "id");
        return s;
    }

    private Invoice invoice(String id) {
        Invoice i = state.invoices.get(id);
        if (i == null) throw FakeApiError.noSuch("invoice", id, "id");
        return i;
    }

    private static String required(FormBody p, String key) {
        String value = p.get(key);
        if (value == null || value.isEmpty()) throw FakeApiError.missingParam(key);
        return value;
    }

    private static long longParam(FormBody p, String key, long defaultValue) {
        String value = p.get(key);
        if (value == null) return defaultValue;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw FakeApiError.invalidParam(key, "Invalid integer: " + value);
        }
    }

    /** A list page, newest first, honouring {@code limit} (1..100, default 10) and {@code starting_after}. */
    private static JsonObject page(String url, List<JsonObject> all, FormBody p) {
        long limit = longParam(p, "limit", 10L);
        if (limit < 1 || limit > 100) throw FakeApiError.invalidParam("limit", "This value must be between 1 and 100.");
        String after = p.get("starting_after");
        int start = 0;
        if (after != null) {
            for (int i = 0; i < all.size(); i++) {
                if (after.equals(all.get(i).get("id").getAsString())) start = i + 1;
            }
        }
        int end = (int) Math.min(all.size(), start + limit);
        return StripeJson.list(url, all.subList(Math.min(start, end), end), end < all.size());
    }

    /** Replaces an id at {@code path} (e.g. {@code subscription}, {@code data.customer}) with the object's JSON. */
    private void expand(JsonElement element, String[] path, int index) {
        if (!(element instanceof JsonObject json) || index >= path.length) return;
        JsonElement child = json.get(path[index]);
        if (child instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                JsonElement resolved = resolve(array.get(i));
                array.set(i, resolved);
                expand(resolved, path, index + 1);
            }
            return;
        }
        if (child == null || child.isJsonNull()) return;
        JsonElement resolved = resolve(child);
        json.add(path[index], resolved);
        expand(resolved, path, index + 1);
    }

    private JsonElement resolve(JsonElement element) {
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) return element;
        JsonObject full = state.jsonOf(element.getAsString());
        return full == null ? element : full;
    }
}
