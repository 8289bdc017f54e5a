package io.callisto.billing;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.billing.stripe.fake.FakeStripe;
import io.callisto.billing.stripe.fake.RecordedRequest;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.EventBatch;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.InteractionRecord;
import io.callisto.core.acd.InteractionState;
import io.callisto.core.auth.Caller;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.TenantStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Seat changes billed pro rata, usage through the outbox, dunning, cancellation, and reconciliation. */
class SeatsUsageAndDunningTest {
    final BillingWorld world = new BillingWorld();
    final FakeStripe stripe = world.stripe;

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void raisingAndLoweringSeatsChangesTheSubscriptionWithProrationsAndDistinctKeys() {
        TenantId tenant = world.paidTenant("ann@acme.test", 3);
        Caller admin = world.admin(tenant);
        String item = world.account(tenant).subscriptionItemId();

        assertThat(world.seats.lease(admin, 7).leased()).isEqualTo(7);
        assertThat(world.seats.lease(admin, 4).leased()).isEqualTo(4);

        List<RecordedRequest> changes = stripe.requests("POST", "/v1/subscription_items/" + item);
        assertThat(changes).extracting(r -> r.formValue("quantity")).containsExactly("7", "4");
        assertThat(changes).extracting(r -> r.formValue("proration_behavior")).containsOnly("create_prorations");
        assertThat(changes).extracting(RecordedRequest::idempotencyKey)
                .containsExactly("seats:" + tenant.value() + ":1:7", "seats:" + tenant.value() + ":2:4");
        assertThat(stripe.subscription(world.account(tenant).subscriptionId()).quantity()).isEqualTo(4);
        assertThat(world.tenant(tenant).seatsLeased()).isEqualTo(4);
        assertThat(world.acdSeats(tenant)).isEqualTo(4);
        assertThat(stripe.invoicesOf(world.account(tenant).subscriptionId())).hasSize(1);
    }

    @Test
    void loweringBelowTheSeatsInUseIsRefusedWithoutAskingStripe() {
        TenantId tenant = world.paidTenant("ann@acme.test", 2);
        Caller a = world.agent(tenant, "a@acme.test");
        Caller b = world.agent(tenant, "b@acme.test");
        world.states.set(a, a.principalId(), "AVAILABLE", null);
        world.states.set(b, b.principalId(), "AVAILABLE", null);
        stripe.clearRequests();

        assertFails(() -> world.seats.lease(world.admin(tenant), 1), ErrorKind.CONFLICT, "seats-in-use");
        assertThat(stripe.requests()).isEmpty();
        assertThat(world.tenant(tenant).seatsLeased()).isEqualTo(2);
    }

    @Test
    void aStripeOutageLeavesTheLeaseAsItWasAndTheRetryUsesTheSameKey() {
        TenantId tenant = world.paidTenant("ann@acme.test", 3);
        stripe.failNext("POST", "/v1/subscription_items/", 503, 1);

        assertThatThrownBy(() -> world.seats.lease(world.admin(tenant), 6)).isInstanceOf(ProviderException.class);
        assertThat(world.tenant(tenant).seatsLeased()).isEqualTo(3);
        assertThat(world.acdSeats(tenant)).isEqualTo(3);
        world.seats.lease(world.admin(tenant), 6);
        assertThat(stripe.requests("POST", "/v1/subscription_items/")).extracting(RecordedRequest::idempotencyKey)
                .containsOnly("seats:" + tenant.value() + ":1:6");
        assertThat(world.tenant(tenant).seatsLeased()).isEqualTo(6);
    }

    @Test
    void seatsCannotChangeBeforePaymentOrWhileSuspended() {
        TenantId pending = world.signUp("pending@acme.test", 3).tenantId();
        assertFails(() -> world.seats.lease(world.admin(pending), 4), ErrorKind.CONFLICT, "no-subscription");
        TenantId tenant = world.paidTenant("ann@acme.test", 3);
        world.deliver(stripe.markUnpaid(world.account(tenant).subscriptionId()));
        assertFails(() -> world.seats.lease(world.admin(tenant), 4), ErrorKind.CONFLICT, "account-not-active");
    }

    static InteractionRecord call(String id, Channel channel, Instant start, Duration length) {
        return new InteractionRecord(id, channel, "q1", "agent-1", InteractionState.COMPLETED, "+15551230000", null, 0,
                start, start.plusSeconds(1), start.plus(length), "resolved", null, null, 0);
    }

    void finish(TenantId tenant, InteractionRecord... records) {
        List<AcdEvent> ended = java.util.Arrays.stream(records).map(r -> (AcdEvent) new AcdEvent.Ended(r, r.endedAt()))
                .toList();
        world.recorder.record(List.of(new EventBatch(tenant, 1, ended)));
    }

    @Test
    void finishedCallsMinutesReachTheMeterOnceAndSurviveAnOutage() {
        TenantId tenant = world.paidTenant("ann@acme.test", 2);
        String customer = world.account(tenant).customerId();
        Instant start = world.clock.instant().plusSeconds(1);
        finish(tenant, call("call-1", Channel.VOICE, start, Duration.ofSeconds(61)),
                call("chat-1", Channel.CHAT, start, Duration.ofMinutes(30)));
        finish(tenant, call("call-1", Channel.VOICE, start, Duration.ofSeconds(61)));
        world.clock.advance(Duration.ofMinutes(5));

        stripe.failNext("POST", "/v1/billing/meter_events", 503, 1);
        UsageReporter.Pass down = world.billing.usageReporter().runOnce();
        assertThat(down.failed()).isEqualTo(1);
        assertThat(stripe.meterEvents()).isEmpty();
        assertThat(world.billing.usageReporter().runOnce().reported()).isZero();

        world.clock.advance(Duration.ofSeconds(5));
        assertThat(world.billing.usageReporter().runOnce().reported()).isEqualTo(1);
        assertThat(stripe.meterEvents()).singleElement().satisfies(e -> {
            assertThat(e.identifier()).isEqualTo("call-1");
            assertThat(e.eventName()).isEqualTo("call_minutes");
            assertThat(e.customerId()).isEqualTo(customer);
            assertThat(e.value()).isEqualTo(2);
        });
        assertThat(world.billing.usageReporter().runOnce().reported()).isZero();
        BillingOverview.Usage usage = world.billing.service().overview(world.admin(tenant)).usage();
        assertThat(usage.calls()).isEqualTo(1);
        assertThat(usage.minutes()).isEqualTo(2);
        assertThat(usage.unreportedMinutes()).isZero();
    }

    @Test
    void usageStripeAlreadyHasCountsAsReported() {
        TenantId tenant = world.paidTenant("ann@acme.test", 2);
        Instant start = world.clock.instant().minus(Duration.ofMinutes(5));
        finish(tenant, call("call-9", Channel.VOICE, start, Duration.ofSeconds(30)));
        world.billing.usageReporter().runOnce();
        world.store.runInTenant(tenant, () -> world.store.usageLedger().markRetry(tenant, "call-9", 1, start, "lost"));

        assertThat(world.billing.usageReporter().runOnce().reported()).isEqualTo(1);
        assertThat(stripe.meterUsage(world.account(tenant).customerId())).isEqualTo(1);
    }

    @Test
    void aFailedPaymentGivesGraceThenSuspensionThenPaymentRestores() {
        TenantId tenant = world.paidTenant("ann@acme.test", 3);
        Caller agent = world.agent(tenant, "a@acme.test");
        String subscription = world.account(tenant).subscriptionId();

        world.deliver(stripe.failPayment(subscription));
        assertThat(world.tenant(tenant).status()).isEqualTo(TenantStatus.PAST_DUE);
        assertThat(world.account(tenant).graceEndsAt()).isEqualTo(world.clock.instant().plus(Duration.ofDays(7)));
        world.states.set(agent, agent.principalId(), "AVAILABLE", null);
        assertThat(world.billing.dunning().runOnce().suspended()).isZero();

        world.clock.advance(Duration.ofDays(7));
        assertThat(world.billing.dunning().runOnce().suspended()).isEqualTo(1);
        assertThat(world.tenant(tenant).status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(world.acdSeats(tenant)).isZero();
        world.states.set(agent, agent.principalId(), "OFFLINE", null);
        assertFails(() -> world.states.set(agent, agent.principalId(), "AVAILABLE", null), ErrorKind.CONFLICT,
                "seat-limit-reached");
        assertThat(world.billing.dunning().runOnce().suspended()).isZero();

        world.deliver(stripe.payOpenInvoices(subscription));
        assertThat(world.tenant(tenant).status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(world.acdSeats(tenant)).isEqualTo(3);
        assertThat(world.account(tenant).graceEndsAt()).isNull();
        world.states.set(agent, agent.principalId(), "AVAILABLE", null);
    }

    @Test
    void aCanceledTenantIsKeptForTheRetentionPeriodThenDeleted() {
        TenantId tenant = world.paidTenant("ann@acme.test", 3);
        String subscription = world.account(tenant).subscriptionId();
        world.deliver(stripe.cancelAtPeriodEnd(subscription));
        assertThat(world.billing.service().overview(world.admin(tenant)).notices())
                .anySatisfy(n -> assertThat(n).startsWith("Your subscription ends on"));
        world.deliver(stripe.endSubscription(subscription));

        assertThat(world.tenant(tenant).status()).isEqualTo(TenantStatus.CANCELED);
        assertThat(world.account(tenant).retainedUntil()).isEqualTo(world.clock.instant().plus(Duration.ofDays(90)));
        assertThat(world.acdSeats(tenant)).isZero();
        world.clock.advance(Duration.ofDays(89));
        assertThat(world.billing.dunning().runOnce().deleted()).isZero();
        world.clock.advance(Duration.ofDays(1));
        assertThat(world.billing.dunning().runOnce().deleted()).isEqualTo(1);
        assertThat(world.store.inTenant(tenant, () -> world.store.tenants().find(tenant))).isEmpty();
        assertThat(world.acd.snapshot(tenant)).as("its routing state is gone too").isEmpty();
        assertThat(world.store.billingAccounts().tenantOfCustomer(stripe.subscription(subscription).customer())).isEmpty();
    }

    @Test
    void reconciliationRepairsSeatsThatDriftedFromStripe() {
        TenantId tenant = world.paidTenant("ann@acme.test", 3);
        TenantId steady = world.paidTenant("bob@acme.test", 2);
        stripe.setQuantitySilently(world.account(tenant).subscriptionId(), 9);

        SeatReconciler.Pass pass = world.billing.reconciler().runOnce();
        assertThat(pass).isEqualTo(new SeatReconciler.Pass(2, 1));
        assertThat(world.tenant(tenant).seatsLeased()).isEqualTo(9);
        assertThat(world.acdSeats(tenant)).isEqualTo(9);
        assertThat(world.tenant(steady).seatsLeased()).isEqualTo(2);
        assertThat(world.billing.reconciler().runOnce()).isEqualTo(new SeatReconciler.Pass(2, 0));
    }

    @Test
    void suspendedTenantsQueueNothing() {
        TenantId tenant = world.paidTenant("ann@acme.test", 3);
        world.deliver(stripe.markUnpaid(world.account(tenant).subscriptionId()));
        assertFails(() -> world.live.requireWorking(tenant), ErrorKind.CONFLICT, "tenant-not-working");
    }
}
