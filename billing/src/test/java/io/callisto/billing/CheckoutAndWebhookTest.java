package io.callisto.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.billing.stripe.fake.FakeStripe;
import io.callisto.billing.stripe.fake.RecordedRequest;
import io.callisto.billing.stripe.fake.SignedEvent;
import io.callisto.core.ids.TenantId;
import io.callisto.core.signup.SignupResult;
import io.callisto.core.tenant.TenantStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sign-up through Checkout, and the webhook: verified, re-fetched, applied once, in any order. */
class CheckoutAndWebhookTest {
    final BillingWorld world = new BillingWorld();
    final FakeStripe stripe = world.stripe;

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void signUpCreatesTheCustomerAndASubscriptionCheckoutForTheSeatsAsked() {
        SignupResult result = world.signUp("ann@acme.test", 5);
        TenantId tenant = result.tenantId();

        assertThat(result.status()).isEqualTo(TenantStatus.PENDING_PAYMENT);
        assertThat(result.checkoutUrl()).startsWith(stripe.baseUrl() + "/checkout/cs_");
        RecordedRequest customer = stripe.requests("POST", "/v1/customers").getFirst();
        assertThat(customer.idempotencyKey()).isEqualTo("customer:" + tenant.value());
        assertThat(customer.formValue("email")).isEqualTo("ann@acme.test");
        assertThat(customer.formValue("metadata[tenant_id]")).isEqualTo(tenant.value());
        RecordedRequest checkout = stripe.requests("POST", "/v1/checkout/sessions").getFirst();
        assertThat(checkout.idempotencyKey()).isEqualTo("checkout:" + tenant.value() + ":1");
        assertThat(checkout.formValue("mode")).isEqualTo("subscription");
        assertThat(checkout.formValue("customer")).isEqualTo(world.account(tenant).customerId());
        assertThat(checkout.formValue("client_reference_id")).isEqualTo(tenant.value());
        assertThat(checkout.formValue("line_items[0][price]")).isEqualTo(FakeStripe.PRICE_SEAT);
        assertThat(checkout.formValue("line_items[0][quantity]")).isEqualTo("5");
        assertThat(checkout.formValue("success_url"))
                .isEqualTo("https://app.callisto.test/signup/success?session_id={CHECKOUT_SESSION_ID}");
        assertThat(checkout.formValue("cancel_url")).isEqualTo("https://app.callisto.test/signup/canceled");
        assertThat(checkout.formValue("subscription_data[metadata][tenant_id]")).isEqualTo(tenant.value());
        assertThat(checkout.formValue("subscription_data[trial_period_days]")).isNull();
        assertThat(world.tenant(tenant).seatsLeased()).isZero();
        assertThat(world.acdSeats(tenant)).isZero();
    }

    @Test
    void theCompletedCheckoutActivatesTheTenantWithThePaidSeats() {
        TenantId tenant = world.signUp("ann@acme.test", 5).tenantId();
        List<WebhookProcessor.Result> results = world.deliver(stripe.completeCheckout(world.lastCheckoutOf(tenant)));

        assertThat(results).extracting(WebhookProcessor.Result::duplicate).containsOnly(false);
        assertThat(world.tenant(tenant).status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(world.tenant(tenant).seatsLeased()).isEqualTo(5);
        assertThat(world.acdSeats(tenant)).isEqualTo(5);
        assertThat(world.account(tenant).subscriptionStatus()).isEqualTo("active");
        assertThat(world.account(tenant).seatQuantity()).isEqualTo(5);
        assertThat(world.billing.service().overview(world.admin(tenant)).invoices()).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo("paid"))
                .satisfies(i -> assertThat(i.amountPaid()).isEqualTo(5 * FakeStripe.DEFAULT_UNIT_AMOUNT));
    }

    @Test
    void theSameEventTwiceIsAppliedOnce() {
        TenantId tenant = world.signUp("ann@acme.test", 3).tenantId();
        List<SignedEvent> events = stripe.completeCheckout(world.lastCheckoutOf(tenant));
        world.deliver(events);
        List<WebhookProcessor.Result> again = world.deliver(events);

        assertThat(again).extracting(WebhookProcessor.Result::duplicate).containsOnly(true);
        assertThat(world.store.webhookInbox().receipt(events.getFirst().id())).isPresent();
        assertThat(world.tenant(tenant).seatsLeased()).isEqualTo(3);
        // a duplicate is recognised before the provider is asked anything
        stripe.clearRequests();
        world.deliver(events);
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void eventsOutOfOrderEndInTheProvidersCurrentState() {
        TenantId tenant = world.signUp("ann@acme.test", 3).tenantId();
        List<SignedEvent> checkout = stripe.completeCheckout(world.lastCheckoutOf(tenant));
        String subscription = stripe.subscriptionsOf(world.account(tenant).customerId()).getFirst().id();
        List<SignedEvent> portal = stripe.setQuantityFromPortal(subscription, 8);
        // updated (8 seats) arrives first, then created (3 seats, stale by now), then the checkout's
        world.deliver(portal);
        world.deliver(checkout);

        assertThat(world.tenant(tenant).status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(world.tenant(tenant).seatsLeased()).isEqualTo(8);
        assertThat(world.acdSeats(tenant)).isEqualTo(8);
    }

    @Test
    void aStalePayloadIsNotTrusted() {
        TenantId tenant = world.paidTenant("ann@acme.test", 4);
        String subscription = world.account(tenant).subscriptionId();
        SignedEvent stale = stripe.event("customer.subscription.updated", "{\"id\":\"" + subscription
                + "\",\"object\":\"subscription\",\"customer\":\"" + world.account(tenant).customerId()
                + "\",\"status\":\"canceled\",\"items\":{\"data\":[{\"quantity\":1}]}}");
        world.deliver(List.of(stale));

        assertThat(world.tenant(tenant).status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(world.tenant(tenant).seatsLeased()).isEqualTo(4);
    }

    @Test
    void aForgedOrStaleSignatureIsRefusedAndChangesNothing() {
        TenantId tenant = world.signUp("ann@acme.test", 3).tenantId();
        List<SignedEvent> events = stripe.completeCheckout(world.lastCheckoutOf(tenant));
        SignedEvent created = events.getFirst();
        SignedEvent forged = created.withSignature(stripe.signer().signWith("whsec_someone_else").sign(created.payload()));
        SignedEvent old = created.withSignature(stripe.signer().sign(created.payload(), Instant.now().minusSeconds(301)));
        SignedEvent tampered = new SignedEvent(created.id(), created.type(), created.payload().replace("3", "9"),
                created.signatureHeader());

        for (SignedEvent bad : List.of(forged, old, tampered)) {
            assertThatThrownBy(() -> world.deliver(List.of(bad))).isInstanceOf(InvalidSignatureException.class);
        }
        assertThatThrownBy(() -> world.billing.webhooks().handle(created.payload(), null))
                .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> world.billing.webhooks().handle(created.payload(), "t=1,v1=00"))
                .isInstanceOf(InvalidSignatureException.class);
        assertThat(world.tenant(tenant).status()).isEqualTo(TenantStatus.PENDING_PAYMENT);
        assertThat(world.store.webhookInbox().contains(created.id())).isFalse();
    }

    @Test
    void anUnknownEventTypeIsAcknowledgedAndChangesNothing() {
        TenantId tenant = world.paidTenant("ann@acme.test", 2);
        SignedEvent unknown = stripe.event("customer.discount.created", "{\"id\":\"di_1\",\"object\":\"discount\","
                + "\"customer\":\"" + world.account(tenant).customerId() + "\"}");
        stripe.clearRequests();
        WebhookProcessor.Result result = world.deliver(List.of(unknown)).getFirst();

        assertThat(result.outcome()).isEqualTo("ignored");
        assertThat(stripe.requests()).isEmpty();
        assertThat(world.tenant(tenant).seatsLeased()).isEqualTo(2);
    }

    @Test
    void whenStripeCannotBeAskedTheEventIsNotRecordedSoItsRedeliveryApplies() {
        TenantId tenant = world.signUp("ann@acme.test", 3).tenantId();
        List<SignedEvent> events = stripe.completeCheckout(world.lastCheckoutOf(tenant));
        stripe.failNext("GET", "/v1/subscriptions/", 503, 1);

        assertThatThrownBy(() -> world.deliver(events.subList(0, 1))).isInstanceOf(ProviderException.class)
                .satisfies(e -> assertThat(((ProviderException) e).isTransient()).isTrue());
        assertThat(world.store.webhookInbox().contains(events.getFirst().id())).isFalse();
        assertThat(world.tenant(tenant).status()).isEqualTo(TenantStatus.PENDING_PAYMENT);
        world.deliver(events.subList(0, 1));
        assertThat(world.tenant(tenant).status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void aSecondPaidSubscriptionIsCanceledAndNotProvisionedTwice() {
        TenantId tenant = world.signUp("ann@acme.test", 3).tenantId();
        String firstCheckout = world.lastCheckoutOf(tenant);
        // the admin started a second checkout in another tab before paying the first, then paid both
        assertThat(world.billing.service().resumeCheckout(world.admin(tenant), 3)).contains("/checkout/");
        String secondCheckout = world.lastCheckoutOf(tenant);
        assertThat(secondCheckout).isNotEqualTo(firstCheckout);
        assertThat(stripe.requests("POST", "/v1/checkout/sessions").getLast().idempotencyKey())
                .isEqualTo("checkout:" + tenant.value() + ":2");
        world.deliver(stripe.completeCheckout(firstCheckout));
        String first = world.account(tenant).subscriptionId();
        world.deliver(stripe.completeCheckout(secondCheckout));

        String duplicate = world.account(tenant).duplicateSubscriptionId();
        assertThat(duplicate).isNotNull().isNotEqualTo(first);
        assertThat(stripe.subscription(duplicate).status()).isEqualTo("canceled");
        assertThat(stripe.requests("DELETE", "/v1/subscriptions/" + duplicate).getFirst().idempotencyKey())
                .isEqualTo("cancel-duplicate:" + duplicate);
        assertThat(world.account(tenant).subscriptionId()).isEqualTo(first);
        assertThat(world.tenant(tenant).seatsLeased()).isEqualTo(3);
        assertThat(world.tenant(tenant).status()).isEqualTo(TenantStatus.ACTIVE);
        // the duplicate's deletion event changes nothing either
        world.deliver(stripe.takeEvents());
        assertThat(world.account(tenant).subscriptionId()).isEqualTo(first);
        assertThat(world.tenant(tenant).status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(world.billing.service().overview(world.admin(tenant)).notices())
                .anySatisfy(n -> assertThat(n).contains(duplicate));
    }

    @Test
    void aTrialMakesTheTenantTrialingWithItsSeatsAndWarnsBeforeItEnds() {
        try (BillingWorld trial = new BillingWorld(java.util.Map.of("CALLISTO_BILLING_TRIAL_DAYS", "14"))) {
            TenantId tenant = trial.signUp("ann@acme.test", 2).tenantId();
            assertThat(trial.stripe.requests("POST", "/v1/checkout/sessions").getFirst()
                    .formValue("subscription_data[trial_period_days]")).isEqualTo("14");
            trial.deliver(trial.stripe.completeCheckout(trial.lastCheckoutOf(tenant)));
            assertThat(trial.tenant(tenant).status()).isEqualTo(TenantStatus.TRIALING);
            assertThat(trial.acdSeats(tenant)).isEqualTo(2);
            trial.deliver(trial.stripe.trialWillEnd(trial.account(tenant).subscriptionId()));
            assertThat(trial.billing.service().overview(trial.admin(tenant)).notices())
                    .anySatisfy(n -> assertThat(n).startsWith("Your trial ends on"));
        }
    }
}
