package io.callisto.billing;

import io.callisto.billing.stripe.fake.FakeStripe;
import io.callisto.billing.stripe.fake.SignedEvent;
import io.callisto.core.acd.InMemoryAcd;
import io.callisto.core.agent.AgentService;
import io.callisto.core.agent.AgentStateService;
import io.callisto.core.agent.AwayReasonService;
import io.callisto.core.auth.Caller;
import io.callisto.core.billing.BillingAccount;
import io.callisto.core.contract.Fixtures;
import io.callisto.core.ids.TenantId;
import io.callisto.core.routing.EventRecorder;
import io.callisto.core.routing.LiveAcd;
import io.callisto.core.routing.SeatService;
import io.callisto.core.signup.SignupRequest;
import io.callisto.core.signup.SignupResult;
import io.callisto.core.signup.SignupService;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.testing.FakePasswordHasher;
import io.callisto.core.testing.InMemoryStore;
import io.callisto.core.testing.MutableClock;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Billing wired as the composition root wires it, over the in-memory store and ACD, with the real Stripe adapter
 * (stripe-java) talking HTTP to a local fake Stripe. Events are handed to the webhook processor as the HTTP
 * endpoint would: the raw payload and the Stripe-Signature header.
 */
final class BillingWorld implements AutoCloseable {
    // Starts at the real time: Stripe's periods and signatures (checked against the system clock) are real-time.
    final MutableClock clock = new MutableClock(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    final InMemoryStore store = new InMemoryStore();
    final InMemoryAcd acd = new InMemoryAcd(clock);
    final LiveAcd live = new LiveAcd(acd, store, store.tenants(), store.queues(), store.agents());
    final FakeStripe stripe = new FakeStripe();
    final Billing billing;
    final SignupService signups;
    final SeatService seats;
    final AgentService agents;
    final AgentStateService states;
    final EventRecorder recorder;

    BillingWorld() {
        this(Map.of());
    }

    BillingWorld(Map<String, String> extraSettings) {
        Map<String, String> settings = new HashMap<>(Map.of("STRIPE_API_KEY", "sk_test_callisto",
                "STRIPE_WEBHOOK_SECRET", stripe.webhookSecret(), "STRIPE_API_BASE", stripe.baseUrl(),
                "STRIPE_SEAT_PRICE_ID", FakeStripe.PRICE_SEAT, "STRIPE_USAGE_METER", "call_minutes",
                "CALLISTO_PUBLIC_URL", "https://app.callisto.test"));
        settings.putAll(extraSettings);
        BillingStores stores = new BillingStores(store, store.tenants(), store.billingAccounts(), store.webhookInbox(),
                store.usageLedger(), store.invoiceLedger(), store.tenantPurge(), live);
        billing = Billing.create(BillingConfig.from(settings::get), stores, store.users(), clock);
        signups = new SignupService(store, store.tenants(), store.users(), new FakePasswordHasher(), billing.signup(),
                clock);
        seats = new SeatService(store, store.tenants(), live, clock, billing.seats());
        agents = new AgentService(store, store.agents(), store.users(), store.queues(), live, clock);
        states = new AgentStateService(store, live, new AwayReasonService(store, store.awayReasons()),
                store.agentStateLog());
        recorder = new EventRecorder(store, store.interactionHistory(), store.agentStateLog(),
                billing.usageLedgerOrNull(store.usageLedger()));
    }

    /** Signs a business up for {@code seats} seats; returns the sign-up's result. */
    SignupResult signUp(String email, int seats) {
        return signups.signUp(new SignupRequest("Acme " + email, email, "Correct-Horse-42-battery", "Ann", seats, null));
    }

    /** The checkout session the fake holds for a tenant (the one its last sign-up or resume created). */
    String lastCheckoutOf(TenantId tenant) {
        return stripe.checkoutSessions().stream().filter(s -> tenant.value().equals(s.clientReferenceId()))
                .reduce((first, second) -> second).orElseThrow().id();
    }

    /** Delivers events to the webhook processor as Stripe would; returns the results. */
    List<WebhookProcessor.Result> deliver(List<SignedEvent> events) {
        List<WebhookProcessor.Result> results = new ArrayList<>();
        for (SignedEvent e : events) {
            results.add(billing.webhooks().handle(e.payload(), e.signatureHeader()));
        }
        return results;
    }

    /** Signs up and pays: an ACTIVE tenant with {@code seats} seats. */
    TenantId paidTenant(String email, int seats) {
        TenantId tenant = signUp(email, seats).tenantId();
        deliver(stripe.completeCheckout(lastCheckoutOf(tenant)));
        return tenant;
    }

    Tenant tenant(TenantId id) {
        return store.inTenant(id, () -> store.tenants().find(id)).orElseThrow();
    }

    BillingAccount account(TenantId id) {
        return store.inTenant(id, () -> store.billingAccounts().find(id)).orElseThrow();
    }

    int acdSeats(TenantId id) {
        return live.snapshot(id).seatsLeased();
    }

    Caller admin(TenantId tenant) {
        User admin = store.inTenant(tenant, () -> store.users().list(tenant, io.callisto.core.page.PageRequest.first(10))
                .items().stream().filter(u -> u.roles().contains(Role.ADMIN)).findFirst()).orElseThrow();
        return new Caller(tenant, admin.id().value(), Caller.Kind.USER, Set.of(Role.ADMIN));
    }

    /** A stored agent (user and agent settings); returns its caller. */
    Caller agent(TenantId tenant, String email) {
        User user = Fixtures.user(tenant, email, Role.AGENT);
        store.runInTenant(tenant, () -> store.users().insert(tenant, user));
        agents.create(admin(tenant), new AgentService.AgentInput(user.id().value(), null, Set.of(), null, null, null,
                false));
        return new Caller(tenant, user.id().value(), Caller.Kind.USER, Set.of(Role.AGENT));
    }

    @Override
    public void close() {
        billing.close();
        stripe.close();
    }
}
