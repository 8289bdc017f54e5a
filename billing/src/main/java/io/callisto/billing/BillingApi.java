package io.callisto.billing;

import io.callisto.core.error.Errors;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.callisto.platform.http.JsonBodies;
import io.callisto.platform.http.Problems;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/billing}: the admin's billing overview, the Customer Portal, resuming checkout, and the payment
 * provider's webhook. The webhook answers 200 once an event is applied (or was already, or is ignored), 400 for a
 * bad signature, and 503 while the provider cannot be asked, so that the provider delivers the event again.
 */
public final class BillingApi implements ApiService {
    public static final String WEBHOOK_PATH = "/api/v1/billing/stripe/webhook";
    /** Stripe's events are small; this bounds what an unauthenticated sender can make us read. */
    static final int MAX_WEBHOOK_BYTES = 256 * 1024;
    private static final System.Logger LOG = System.getLogger(BillingApi.class.getName());
    private static final io.helidon.http.HeaderName STRIPE_SIGNATURE = HeaderNames.create("Stripe-Signature");
    private final BillingService billing;
    private final WebhookProcessor webhooks;
    private final JsonBodies bodies;
    private final JsonBodies webhookBodies = new JsonBodies(MAX_WEBHOOK_BYTES);

    /** {@code webhooks} is null when billing is disabled: the webhook path then answers 404. */
    public BillingApi(BillingService billing, WebhookProcessor webhooks, JsonBodies bodies) {
        this.billing = billing;
        this.webhooks = webhooks;
        this.bodies = bodies;
    }

    record CheckoutBody(Integer seats) {
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.authenticated(Method.GET, "/api/v1/billing", (caller, req, res) ->
                        Json.ok(res, billing.overview(caller))),
                Endpoint.authenticated(Method.POST, "/api/v1/billing/portal", (caller, req, res) ->
                        Json.ok(res, Map.of("url", billing.portalUrl(caller)))),
                Endpoint.authenticated(Method.POST, "/api/v1/billing/checkout", (caller, req, res) -> {
                    Integer seats = req.content().hasEntity() ? bodies.read(req, CheckoutBody.class).seats() : null;
                    Json.ok(res, Map.of("url", billing.resumeCheckout(caller, seats)));
                }),
                Endpoint.signed(Method.POST, WEBHOOK_PATH, this::webhook));
    }

    private void webhook(ServerRequest req, ServerResponse res) {
        // Bad input is refused the same way whether billing is on or off: size, type, JSON object, signature header.
        String payload = webhookBodies.readRawJson(req);
        requireJsonObject(payload);
        String signature = req.headers().first(STRIPE_SIGNATURE).orElse(null);
        if (signature == null || signature.isBlank()) {
            throw Errors.invalid("signature-required", "send the Stripe-Signature header");
        }
        if (webhooks == null) {
            Problems.send(req, res, 404, "billing-disabled", "Not found", "billing is not enabled on this server");
            return;
        }
        try {
            WebhookProcessor.Result result = webhooks.handle(payload, signature);
            Json.ok(res, Map.of("eventId", result.eventId(), "type", result.type(), "outcome", result.outcome(),
                    "duplicate", result.duplicate()));
        } catch (InvalidSignatureException e) {
            LOG.log(System.Logger.Level.WARNING, "webhook refused: {0}", e.getMessage());
            Problems.send(req, res, 400, "invalid-signature", "Invalid signature", e.getMessage());
        } catch (ProviderException e) {
            LOG.log(System.Logger.Level.WARNING, "webhook deferred, the provider cannot be asked now: {0}", e.getMessage());
            Problems.send(req, res, 503, "provider-unavailable", "Provider unavailable",
                    "the payment provider could not be asked for the event's object; deliver it again later");
        }
    }

    private static void requireJsonObject(String payload) {
        try {
            if (!Json.mapper().readTree(payload).isObject()) {
                throw Errors.invalid("invalid-json", "the body must be a JSON object (a Stripe event)");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Errors.invalid("invalid-json", "the body is not valid JSON");
        }
    }

    @Override
    public String openApiFragment() {
        return "openapi/billing.yaml";
    }
}
