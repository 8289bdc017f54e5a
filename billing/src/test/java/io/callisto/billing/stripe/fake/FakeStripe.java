package io.callisto.billing.stripe.fake;

import com.stripe.Stripe;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.callisto.billing.stripe.fake.StripeObjects.Customer;
import io.callisto.billing.stripe.fake.StripeObjects.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A small stateful fake of Stripe's HTTP API for tests, served by the JDK's HTTP server on 127.0.0.1 and an ephemeral
 * port, for the real stripe-java client:
 * {@code StripeClient.builder().setApiKey("sk_test_x").setApiBase(fake.baseUrl()).setMaxNetworkRetries(0).build()}.
 *
 * <p>It answers the v1 endpoints our Stripe adapter calls (customers, Checkout Sessions, subscriptions, subscription
 * items, invoices, meter events, portal sessions) with JSON shaped as Stripe's API version {@link Stripe#API_VERSION}
 * returns it; keeps Stripe's idempotency rules; records every request; can fail the next matching requests; and offers
 * test controls that simulate what happens at Stripe, each returning the signed events Stripe would send (not
 * delivering them; see {@link #deliver}). Events caused by API calls are queued and drained with {@link #takeEvents()}.
 *
 * <p>Time comes from the clock given to the constructor, which {@link #setNow} and {@link #advance} move. Events are
 * signed at that clock's time, so a receiver verifying with the system clock needs the fake's clock to be no more than
 * the tolerance (300 s) behind real time; or verify with {@code Webhook.constructEvent(payload, header, secret, tolerance,
 * clock)} and the same clock. Thread-safe: all state sits behind one lock.
 */
public final class FakeStripe implements AutoCloseable {

    /** A price id tests can use; any price id is accepted, at {@link #DEFAULT_UNIT_AMOUNT} unless set otherwise. */
    public static final String PRICE_SEAT = "price_seat";
    public static final long DEFAULT_UNIT_AMOUNT = FakeStripeState.DEFAULT_UNIT_AMOUNT;
    public static final String DEFAULT_WEBHOOK_SECRET = "whsec_test_secret";

    private final Object lock = new Object();
    private final MovableClock clock;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String baseUrl;
    private final FakeStripeState state;
    private final FakeStripeEvents events;
    private final FakeStripeApi api;
    private final FakeStripeControls controls;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, Stored> idempotency = new HashMap<>();
    private volatile WebhookSigner signer;
    private HttpClient webhookClient;

    private static final class Failure {
        final String method;
        final String pathPrefix;
        final int status;
        int remaining;

        Failure(String method, String pathPrefix, int status, int remaining) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.status = status;
            this.remaining = remaining;
        }
    }

    private record Stored(String fingerprint, ApiResponse response) {
    }

    /** Starts on the system clock with {@link #DEFAULT_WEBHOOK_SECRET}. */
    public FakeStripe() {
        this(Clock.systemUTC());
    }

    public FakeStripe(Clock clock) {
        this(clock, DEFAULT_WEBHOOK_SECRET);
    }

    /** Starts the server at once; {@link #close()} stops it. */
    public FakeStripe(Clock clock, String webhookSecret) {
        this.clock = new MovableClock(Objects.requireNonNull(clock, "clock"));
        this.signer = new WebhookSigner(webhookSecret, this.clock);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start FakeStripe", e);
        }
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        state = new FakeStripeState(this.clock, baseUrl);
        Supplier<WebhookSigner> currentSigner = () -> this.signer;
        events = new FakeStripeEvents(state, currentSigner);
        api = new FakeStripeApi(state, events);
        controls = new FakeStripeControls(state, events);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, for {@code StripeClient.builder().setApiBase(..)}. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
        synchronized (lock) {
            if (webhookClient != null) webhookClient.close();
        }
    }

    // ---- clock, secret, prices -------------------------------------------------------------------------------------

    public Instant now() {
        return clock.instant();
    }

    /** Pins the fake's clock at {@code now} (it stays there until moved again). */
    public void setNow(Instant now) {
        clock.setNow(now);
    }

    public void advance(Duration by) {
        clock.advance(by);
    }

    public String webhookSecret() {
        return signer.secret();
    }

    public void setWebhookSecret(String secret) {
        signer = new WebhookSigner(secret, clock);
    }

    /** The signer of this fake's events (its secret, the fake's clock); {@code signWith(..)} gives forged ones. */
    public WebhookSigner signer() {
        return signer;
    }

    /** The unit amount (cents) of a price; every other price costs {@link #DEFAULT_UNIT_AMOUNT}. */
    public void setUnitAmount(String priceId, long cents) {
        synchronized (lock) {
            state.setUnitAmount(priceId, cents);
        }
    }

    // ---- recording and failure injection ---------------------------------------------------------------------------

    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /** Requests with this method (case-insensitive) whose path starts with {@code pathPrefix}. */
    public List<RecordedRequest> requests(String method, String pathPrefix) {
        synchronized (lock) {
            return requests.stream()
                    .filter(r -> r.method().equalsIgnoreCase(method) && r.path().startsWith(pathPrefix)).toList();
        }
    }

    public void clearRequests() {
        synchronized (lock) {
            requests.clear();
        }
    }

    /**
     * The next {@code times} requests with this method ({@code "*"} for any) and path prefix answer {@code status} with a
     * Stripe {@code api_error} body and change nothing. Such answers are not saved under the request's idempotency key
     * (as if the request had failed before reaching the endpoint), so a retry with the same key is executed.
     */
    public void failNext(String method, String pathPrefix, int status, int times) {
        synchronized (lock) {
            failures.add(new Failure(method, pathPrefix, status, times));
        }
    }

    public void clearFailures() {
        synchronized (lock) {
            failures.clear();
        }
    }

    // ---- test controls ---------------------------------------------------------------------------------------------

    /**
     * The customer pays in Checkout: creates the subscription (trialing when {@code subscription_data[trial_period_days]}
     * was given, else active) and its first, paid invoice (0 for a trial), and completes the session. Events:
     * customer.subscription.created, checkout.session.completed, invoice.paid.
     */
    public List<SignedEvent> completeCheckout(String sessionId) {
        synchronized (lock) {
            return controls.completeCheckout(sessionId);
        }
    }

    /** The session expires unpaid. Event: checkout.session.expired. */
    public List<SignedEvent> expireCheckout(String sessionId) {
        synchronized (lock) {
            return controls.expireCheckout(sessionId);
        }
    }

    /** A charge fails: an open invoice (attempt_count 1) and status past_due. Events: invoice.payment_failed, updated. */
    public List<SignedEvent> failPayment(String subscriptionId) {
        synchronized (lock) {
            return controls.failPayment(subscriptionId);
        }
    }

    /** Open invoices are paid, the subscription becomes active. Events: invoice.paid (each), customer.subscription.updated. */
    public List<SignedEvent> payOpenInvoices(String subscriptionId) {
        synchronized (lock) {
            return controls.payOpenInvoices(subscriptionId);
        }
    }

    /** Retries are exhausted: status unpaid. Event: customer.subscription.updated. */
    public List<SignedEvent> markUnpaid(String subscriptionId) {
        synchronized (lock) {
            return controls.markUnpaid(subscriptionId);
        }
    }

    /** The customer changes the quantity in the Customer Portal. Event: customer.subscription.updated. */
    public List<SignedEvent> setQuantityFromPortal(String subscriptionId, int quantity) {
        synchronized (lock) {
            return controls.setQuantityFromPortal(subscriptionId, quantity);
        }
    }

    /** Changes the quantity with no event at all (drift). */
    public void setQuantitySilently(String subscriptionId, int quantity) {
        synchronized (lock) {
            controls.setQuantitySilently(subscriptionId, quantity);
        }
    }

    /** The customer cancels at period end. Event: customer.subscription.updated. */
    public List<SignedEvent> cancelAtPeriodEnd(String subscriptionId) {
        synchronized (lock) {
            return controls.cancelAtPeriodEnd(subscriptionId);
        }
    }

    /** The subscription ends now: status canceled, ended_at. Event: customer.subscription.deleted. */
    public List<SignedEvent> endSubscription(String subscriptionId) {
        synchronized (lock) {
            return controls.endSubscription(subscriptionId);
        }
    }

    /** Event: customer.subscription.trial_will_end. */
    public List<SignedEvent> trialWillEnd(String subscriptionId) {
        synchronized (lock) {
            return controls.trialWillEnd(subscriptionId);
        }
    }

    /** Any event, e.g. of an unknown type or with a stale object; {@code objectJson} becomes {@code data.object}. */
    public SignedEvent event(String type, String objectJson) {
        synchronized (lock) {
            return controls.event(type, objectJson);
        }
    }

    /** Takes (and forgets) the events caused by API calls so far, e.g. customer.subscription.updated for an item update. */
    public List<SignedEvent> takeEvents() {
        synchronized (lock) {
            return events.take();
        }
    }

    /** Every event created so far, by API calls and by test controls, oldest first. */
    public List<SignedEvent> events() {
        synchronized (lock) {
            return events.all();
        }
    }

    // ---- readers ---------------------------------------------------------------------------------------------------

    /** @throws IllegalArgumentException for an unknown id */
    public FakeSubscription subscription(String id) {
        synchronized (lock) {
            Subscription s = state.subscriptions.get(id);
            if (s == null) throw new IllegalArgumentException("no subscription " + id);
            return state.view(s);
        }
    }

    /** The customer's subscriptions, newest first. */
    public List<FakeSubscription> subscriptionsOf(String customerId) {
        synchronized (lock) {
            return state.subscriptionsOf(customerId).stream().map(state::view).toList();
        }
    }

    /** @throws IllegalArgumentException for an unknown id */
    public FakeCustomer customer(String id) {
        synchronized (lock) {
            Customer c = state.customers.get(id);
            if (c == null) throw new IllegalArgumentException("no customer " + id);
            return FakeStripeState.view(c);
        }
    }

    public List<FakeCustomer> customers() {
        synchronized (lock) {
            return state.customers.values().stream().map(FakeStripeState::view).toList();
        }
    }

    public List<FakeCheckoutSession> checkoutSessions() {
        synchronized (lock) {
            return state.sessions.values().stream().map(FakeStripeState::view).toList();
        }
    }

    /** A subscription's invoices, newest first. */
    public List<FakeInvoice> invoicesOf(String subscriptionId) {
        synchronized (lock) {
            return state.invoicesNewestFirst().stream().filter(i -> i.subscription.equals(subscriptionId))
                    .map(FakeStripeState::view).toList();
        }
    }

    /** Accepted meter events (no duplicates), oldest first. */
    public List<FakeMeterEvent> meterEvents() {
        synchronized (lock) {
            return List.copyOf(state.meterEvents.values());
        }
    }

    /** The sum of the customer's accepted meter event values, over all meters. */
    public long meterUsage(String customerId) {
        return meterEvents().stream().filter(e -> e.customerId().equals(customerId)).mapToLong(FakeMeterEvent::value).sum();
    }

    public long meterUsage(String customerId, String eventName) {
        return meterEvents().stream().filter(e -> e.customerId().equals(customerId) && e.eventName().equals(eventName))
                .mapToLong(FakeMeterEvent::value).sum();
    }

    // ---- webhook delivery ------------------------------------------------------------------------------------------

    /** POSTs the event to {@code webhookUrl} as Stripe does (JSON body, {@code Stripe-Signature}); returns the status. */
    public int deliver(SignedEvent event, URI webhookUrl) {
        HttpRequest request = HttpRequest.newBuilder(webhookUrl)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .header("Stripe-Signature", event.signatureHeader())
                .POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            return webhookClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot deliver " + event.type() + " to " + webhookUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted delivering " + event.type(), e);
        }
    }

    /** Delivers the events in order; returns their status codes. */
    public List<Integer> deliverAll(List<SignedEvent> signedEvents, URI webhookUrl) {
        return signedEvents.stream().map(e -> deliver(e, webhookUrl)).toList();
    }

    private HttpClient webhookClient() {
        synchronized (lock) {
            if (webhookClient == null) {
                webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            }
            return webhookClient;
        }
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Headers headers = exchange.getRequestHeaders();
            String contentType = Objects.requireNonNullElse(headers.getFirst("Content-Type"), "");
            FormBody query = FormBody.parse(rawQuery);
            FormBody form = contentType.contains("json") ? FormBody.empty() : FormBody.parse(body);
            String idempotencyKey = headers.getFirst("Idempotency-Key");
            String requestId = FakeStripeState.newId("req_").substring(0, 18);
            ApiResponse response;
            synchronized (lock) {
                requests.add(new RecordedRequest(method, path, query.asMap(), form.asMap(), idempotencyKey,
                        headers.getFirst("Stripe-Version"), clock.instant()));
                try {
                    response = respond(new Incoming(method, path, rawQuery, body, headers.getFirst("Authorization")),
                            new FakeStripeApi.Call(query.merge(form), requestId, idempotencyKey));
                } catch (RuntimeException e) {
                    response = new ApiResponse(500, StripeJson.write(StripeJson.error("api_error", null,
                            "FakeStripe internal error: " + e, null)), false, false);
                }
            }
            send(exchange, isPage(method, path), response, requestId, idempotencyKey);
        }
    }

    private record Incoming(String method, String path, String rawQuery, String body, String authorization) {

        String fingerprint() {
            return method + " " + path + "?" + Objects.requireNonNullElse(rawQuery, "") + "\n" + body;
        }
    }

    private ApiResponse respond(Incoming in, FakeStripeApi.Call call) {
        if (isPage(in.method(), in.path())) return page(in.path());
        String auth = in.authorization();
        if (auth == null || !auth.startsWith("Bearer sk_")) {
            String message = auth == null
                    ? "You did not provide an API key. You need to provide your API key in the Authorization header, "
                            + "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
                    : "Invalid API Key provided: " + auth.replaceFirst("^Bearer\\s*", "").replaceAll("(?<=.{8}).", "*");
            return ApiResponse.error(401, "invalid_request_error", null, message);
        }
        ApiResponse injected = injectedFailure(in.method(), in.path());
        if (injected != null) return injected;
        String key = call.idempotencyKey();
        boolean idempotent = key != null && ("POST".equals(in.method()) || "DELETE".equals(in.method()));
        if (idempotent && idempotency.containsKey(key)) {
            Stored stored = idempotency.get(key);
            if (stored.fingerprint().equals(in.fingerprint())) return stored.response().asReplay();
            return ApiResponse.error(400, "idempotency_error", null, "Keys for idempotent requests can only be used with the "
                    + "same parameters they were first used with. Try using a key other than '" + key
                    + "' if you meant to execute a different request.");
        }
        ApiResponse response = api.handle(in.method(), in.path(), call);
        if (idempotent && response.storable()) idempotency.put(key, new Stored(in.fingerprint(), response));
        return response;
    }

    private ApiResponse injectedFailure(String method, String path) {
        for (Iterator<Failure> it = failures.iterator(); it.hasNext(); ) {
            Failure f = it.next();
            if (("*".equals(f.method) || f.method.equalsIgnoreCase(method)) && path.startsWith(f.pathPrefix)) {
                if (--f.remaining <= 0) it.remove();
                return ApiResponse.error(f.status, "api_error", null,
                        "FakeStripe: injected failure (HTTP " + f.status + ") for " + method + " " + path + ".");
            }
        }
        return null;
    }

    private static boolean isPage(String method, String path) {
        return "GET".equals(method)
                && (path.startsWith("/checkout/") || path.startsWith("/portal/") || path.startsWith("/invoice/"));
    }

    /** The pages behind Checkout, portal and invoice URLs: a line of HTML, so a browser or HTTP client gets a 200. */
    private ApiResponse page(String path) {
        String[] parts = path.split("/");
        boolean known = parts.length >= 3 && switch (parts[1]) {
            case "checkout" -> state.sessions.containsKey(parts[2]);
            case "portal" -> state.portalSessions.containsKey(parts[2]);
            case "invoice" -> state.invoices.containsKey(parts[2]);
            default -> false;
        };
        if (!known) return new ApiResponse(404, "<html><body>FakeStripe: no page at " + path + "</body></html>", false, false);
        return new ApiResponse(200, "<html><body>FakeStripe " + parts[1] + " page for " + parts[2] + "</body></html>",
                false, false);
    }

    private static void send(HttpExchange exchange, boolean html, ApiResponse response, String requestId, String key)
            throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        Headers out = exchange.getResponseHeaders();
        if (html) {
            out.set("Content-Type", "text/html; charset=utf-8");
        } else {
            out.set("Content-Type", "application/json");
            out.set("Request-Id", requestId);
            out.set("Stripe-Version", Stripe.API_VERSION);
            if (key != null) out.set("Idempotency-Key", key);
            if (response.replayed()) out.set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
