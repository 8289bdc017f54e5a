package io.callisto.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callisto.billing.stripe.fake.FakeStripe;
import io.callisto.billing.stripe.fake.FakeSubscription;
import io.callisto.billing.stripe.fake.RecordedRequest;
import io.callisto.billing.stripe.fake.SignedEvent;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.NewInteraction;
import io.callisto.core.acd.Skills;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.platform.testing.ApiClient;
import io.callisto.platform.testing.ApiClient.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's whole billing life on the assembled application (PostgreSQL, grid, HTTP), with the real stripe-java
 * client talking to a local fake Stripe and Stripe's events signed and POSTed to the webhook as Stripe does:
 * sign-up, checkout completed, seats raised and lowered, a call's usage metered, payment failed, grace, suspension
 * (an agent's sign-in refused), payment, restored.
 */
class BillingLifecycleIT {
    static final String PASSWORD = "Correct-Horse-42-battery";
    static FakeStripe stripe;
    static RunningCallisto running;
    static ApiClient api;
    static URI webhook;

    @BeforeAll
    static void start() {
        assumeTrue(RunningCallisto.postgresAvailable(), "TEST_JDBC_URL names the PostgreSQL to test on");
        stripe = new FakeStripe();
        running = RunningCallisto.start(RunningCallisto.Database.POSTGRES, Map.of("STRIPE_API_KEY", "sk_test_it",
                "STRIPE_WEBHOOK_SECRET", stripe.webhookSecret(), "STRIPE_API_BASE", stripe.baseUrl(),
                "STRIPE_SEAT_PRICE_ID", FakeStripe.PRICE_SEAT, "STRIPE_USAGE_METER", "call_minutes",
                "CALLISTO_BILLING_GRACE_PERIOD", "PT3S", "CALLISTO_BILLING_DUNNING_PERIOD", "PT0.5S",
                "CALLISTO_BILLING_USAGE_PERIOD", "PT0.5S"));
        api = running.client();
        webhook = URI.create(api.base() + "/api/v1/billing/stripe/webhook");
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    static void deliverAll(List<SignedEvent> events) {
        assertThat(stripe.deliverAll(events, webhook)).as("webhook statuses").containsOnly(200);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    static String token(String email) {
        Response r = api.json("POST", "/api/v1/auth/token", null, Map.of("email", email, "password", PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("accessToken");
    }

    static String status(String token) {
        return api.get("/api/v1/tenant", token).text("status");
    }

    @Test
    void aTenantsBillingLife() throws InterruptedException {
        String email = "owner-" + System.nanoTime() + "@acme.test";
        Response signup = api.json("POST", "/api/v1/signup", null, Map.of("companyName", "Acme", "adminEmail", email,
                "adminPassword", PASSWORD, "seats", 3));
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        assertThat(signup.text("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(signup.text("checkoutUrl")).startsWith(stripe.baseUrl() + "/checkout/");
        TenantId tenant = new TenantId(signup.text("tenantId"));
        String admin = token(email);
        assertThat(api.get("/api/v1/billing", admin).text("status")).isEqualTo("PENDING_PAYMENT");

        // checkout completed: the webhook activates the tenant with the paid seats
        String session = stripe.checkoutSessions().getLast().id();
        List<SignedEvent> paid = stripe.completeCheckout(session);
        deliverAll(paid);
        assertThat(status(admin)).isEqualTo("ACTIVE");
        assertThat(api.get("/api/v1/seats", admin).json().path("leased").asInt()).isEqualTo(3);
        Response again = api.send("POST", "/api/v1/billing/stripe/webhook", null, "application/json",
                paid.getFirst().payload().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(again.status()).as("no signature").isEqualTo(400);
        assertThat(stripe.deliver(paid.getFirst(), webhook)).isEqualTo(200);

        // seats raised and lowered: the subscription item's quantity, prorated, once per change
        String subscription = stripe.subscriptionsOf(stripe.checkoutSessions().getLast().customer()).getFirst().id();
        assertThat(api.json("PUT", "/api/v1/seats", admin, Map.of("leased", 6)).status()).isEqualTo(200);
        assertThat(api.json("PUT", "/api/v1/seats", admin, Map.of("leased", 2)).status()).isEqualTo(200);
        FakeSubscription sub = stripe.subscription(subscription);
        assertThat(sub.quantity()).isEqualTo(2);
        assertThat(sub.lastProrationBehavior()).isEqualTo("create_prorations");
        assertThat(stripe.requests("POST", "/v1/subscription_items/")).extracting(RecordedRequest::idempotencyKey)
                .containsExactly("seats:" + tenant.value() + ":1:6", "seats:" + tenant.value() + ":2:2");

        // an agent takes a call; its minutes reach Stripe's meter with the call id as identifier
        String agentEmail = "agent-" + email;
        String callId = takeACall(tenant, admin, agentEmail);
        await("the call's usage at Stripe", () -> stripe.meterEvents().stream().anyMatch(e -> e.identifier().equals(callId)));
        assertThat(stripe.meterUsage(sub.customer(), "call_minutes")).isEqualTo(1);
        await("the usage counted as reported", () -> api.get("/api/v1/billing", admin).json().path("usage")
                .path("unreportedMinutes").asInt() == 0);
        assertThat(api.get("/api/v1/billing", admin).json().path("usage").path("minutes").asInt()).isEqualTo(1);

        // payment failed: past due with a grace period, agents still work, admins see when suspension comes
        deliverAll(stripe.failPayment(subscription));
        assertThat(status(admin)).isEqualTo("PAST_DUE");
        assertThat(api.get("/api/v1/billing", admin).text("graceEndsAt")).isNotNull();
        token(agentEmail);

        // grace over: suspended; the agent may not sign in, the admin may and can reach the portal
        await("suspension", () -> "SUSPENDED".equals(status(admin)));
        Response refused = api.json("POST", "/api/v1/auth/token", null, Map.of("email", agentEmail, "password", PASSWORD));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("tenant-suspended");
        String adminAgain = token(email);
        assertThat(api.json("POST", "/api/v1/billing/portal", adminAgain, Map.of()).text("url"))
                .startsWith(stripe.baseUrl() + "/portal/");

        // paid: restored, and the agent signs in again
        deliverAll(stripe.payOpenInvoices(subscription));
        assertThat(status(adminAgain)).isEqualTo("ACTIVE");
        token(agentEmail);
        Response billing = api.get("/api/v1/billing", adminAgain);
        assertThat(billing.json().path("seats").path("leased").asInt()).isEqualTo(2);
        assertThat(billing.json().path("invoices").size()).isGreaterThanOrEqualTo(2);
        assertThat(billing.json().path("graceEndsAt").isMissingNode()).as("no grace period once paid").isTrue();
    }

    /** An agent who takes one voice call (entered as the media gateway enters calls) and finishes it; its id. */
    static String takeACall(TenantId tenant, String admin, String agentEmail) throws InterruptedException {
        Response user = api.json("POST", "/api/v1/users", admin, Map.of("email", agentEmail, "password", PASSWORD,
                "roles", List.of("AGENT")));
        String queueId = api.json("POST", "/api/v1/queues", admin, Map.of("name", "Support", "strategy", "LONGEST_IDLE"))
                .text("id");
        assertThat(api.json("POST", "/api/v1/agents", admin, Map.of("userId", user.text("id"), "queueIds",
                List.of(queueId))).status()).isEqualTo(201);
        String agent = token(agentEmail);
        String state = "/api/v1/agents/" + user.text("id") + "/state";
        assertThat(api.json("PUT", state, agent, Map.of("state", "AVAILABLE")).status()).isEqualTo(200);
        String callId = Ids.next('i');
        running.callisto().interactions().enqueue(tenant, new NewInteraction(callId, Channel.VOICE, queueId, 0,
                Skills.NONE, "+15551230000", null, Map.of(), null));
        assertThat(api.json("POST", "/api/v1/interactions/" + callId + "/accept", agent, Map.of()).status())
                .isEqualTo(200);
        Thread.sleep(1100);
        assertThat(api.json("POST", "/api/v1/interactions/" + callId + "/complete", agent,
                Map.of("disposition", "resolved")).status()).isEqualTo(200);
        assertThat(api.json("PUT", state, agent, Map.of("state", "OFFLINE")).status()).isEqualTo(200);
        return callId;
    }
}
