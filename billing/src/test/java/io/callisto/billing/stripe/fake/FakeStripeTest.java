package io.callisto.billing.stripe.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.billing.MeterEvent;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionItemUpdateParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionRetrieveParams;
import com.stripe.param.billing.MeterEventCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint of {@link FakeStripe}, called through the real stripe-java client and its param builders. */
class FakeStripeTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private FakeStripe fake;
    private StripeClient client;

    @BeforeEach
    void start() {
        fake = new FakeStripe(Clock.fixed(NOW, ZoneOffset.UTC));
        client = StripeClient.builder().setApiKey("sk_test_123").setApiBase(fake.baseUrl()).setMaxNetworkRetries(0).build();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void createsCustomerAndRecordsTheFormAndIdempotencyKey() throws StripeException {
        Customer customer = client.v1().customers().create(CustomerCreateParams.builder()
                .setName("Acme Support").setEmail("ops@acme.test").putMetadata("tenant_id", "t-42").build(),
                RequestOptions.builder().setIdempotencyKey("customer:t-42").build());

        assertThat(customer.getId()).startsWith("cus_");
        assertThat(customer.getObject()).isEqualTo("customer");
        assertThat(customer.getName()).isEqualTo("Acme Support");
        assertThat(customer.getEmail()).isEqualTo("ops@acme.test");
        assertThat(customer.getMetadata()).containsExactly(Map.entry("tenant_id", "t-42"));
        assertThat(customer.getCreated()).isEqualTo(NOW.getEpochSecond());
        assertThat(fake.customer(customer.getId()))
                .isEqualTo(new FakeCustomer(customer.getId(), "Acme Support", "ops@acme.test", Map.of("tenant_id", "t-42")));

        RecordedRequest request = fake.requests("POST", "/v1/customers").getFirst();
        assertThat(request.path()).isEqualTo("/v1/customers");
        assertThat(request.form()).containsEntry("name", List.of("Acme Support"))
                .containsEntry("email", List.of("ops@acme.test")).containsEntry("metadata[tenant_id]", List.of("t-42"));
        assertThat(request.idempotencyKey()).isEqualTo("customer:t-42");
        assertThat(request.stripeVersion()).isEqualTo(Stripe.API_VERSION);
        assertThat(request.at()).isEqualTo(NOW);
        assertThat(fake.takeEvents()).extracting(SignedEvent::type).containsExactly("customer.created");
    }

    @Test
    void checkoutCreatesAnOpenSessionAndCompletingItCreatesTheSubscriptionAndAPaidInvoice() throws StripeException {
        String customerId = customer();
        Session session = client.v1().checkout().sessions().create(checkout(customerId, 3L, null));

        assertThat(session.getId()).startsWith("cs_test_");
        assertThat(session.getObject()).isEqualTo("checkout.session");
        assertThat(session.getUrl()).isEqualTo(fake.baseUrl() + "/checkout/" + session.getId());
        assertThat(session.getStatus()).isEqualTo("open");
        assertThat(session.getPaymentStatus()).isEqualTo("unpaid");
        assertThat(session.getMode()).isEqualTo("subscription");
        assertThat(session.getCustomer()).isEqualTo(customerId);
        assertThat(session.getClientReferenceId()).isEqualTo("t-42");
        assertThat(session.getMetadata()).containsEntry("tenant_id", "t-42");
        assertThat(session.getSuccessUrl()).isEqualTo("https://app.test/billing/done");
        assertThat(session.getSubscription()).isNull();
        assertThat(fake.requests("POST", "/v1/checkout/sessions").getFirst().form())
                .containsEntry("mode", List.of("subscription"))
                .containsEntry("customer", List.of(customerId))
                .containsEntry("client_reference_id", List.of("t-42"))
                .containsEntry("line_items[0][price]", List.of(FakeStripe.PRICE_SEAT))
                .containsEntry("line_items[0][quantity]", List.of("3"))
                .containsEntry("subscription_data[metadata][tenant_id]", List.of("t-42"))
                .containsEntry("metadata[tenant_id]", List.of("t-42"))
                .containsEntry("cancel_url", List.of("https://app.test/billing/cancel"));

        List<SignedEvent> events = fake.completeCheckout(session.getId());

        assertThat(events).extracting(SignedEvent::type)
                .containsExactly("customer.subscription.created", "checkout.session.completed", "invoice.paid");
        Session completed = client.v1().checkout().sessions().retrieve(session.getId());
        assertThat(completed.getStatus()).isEqualTo("complete");
        assertThat(completed.getPaymentStatus()).isEqualTo("paid");
        assertThat(completed.getSubscription()).startsWith("sub_");

        Subscription subscription = client.v1().subscriptions().retrieve(completed.getSubscription());
        assertThat(subscription.getObject()).isEqualTo("subscription");
        assertThat(subscription.getCustomer()).isEqualTo(customerId);
        assertThat(subscription.getStatus()).isEqualTo("active");
        assertThat(subscription.getMetadata()).containsEntry("tenant_id", "t-42");
        assertThat(subscription.getCancelAtPeriodEnd()).isFalse();
        assertThat(subscription.getCanceledAt()).isNull();
        assertThat(subscription.getEndedAt()).isNull();
        assertThat(subscription.getTrialEnd()).isNull();
        assertThat(subscription.getCreated()).isEqualTo(NOW.getEpochSecond());
        assertThat(subscription.getItems().getObject()).isEqualTo("list");
        assertThat(subscription.getItems().getHasMore()).isFalse();
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        assertThat(item.getId()).startsWith("si_");
        assertThat(item.getObject()).isEqualTo("subscription_item");
        assertThat(item.getQuantity()).isEqualTo(3L);
        assertThat(item.getPrice().getId()).isEqualTo(FakeStripe.PRICE_SEAT);
        assertThat(item.getPrice().getUnitAmount()).isEqualTo(2500L);
        assertThat(item.getPrice().getRecurring().getInterval()).isEqualTo("month");
        assertThat(item.getCurrentPeriodStart()).isEqualTo(NOW.getEpochSecond());
        assertThat(item.getCurrentPeriodEnd())
                .isEqualTo(NOW.atZone(ZoneOffset.UTC).plusMonths(1).toEpochSecond());
        assertThat(item.getSubscription()).isEqualTo(subscription.getId());

        Invoice invoice = client.v1().invoices().retrieve(subscription.getLatestInvoice());
        assertThat(invoice.getId()).startsWith("in_");
        assertThat(invoice.getObject()).isEqualTo("invoice");
        assertThat(invoice.getCustomer()).isEqualTo(customerId);
        assertThat(invoice.getStatus()).isEqualTo("paid");
        assertThat(invoice.getAmountDue()).isEqualTo(7500L);
        assertThat(invoice.getAmountPaid()).isEqualTo(7500L);
        assertThat(invoice.getAmountRemaining()).isZero();
        assertThat(invoice.getCurrency()).isEqualTo("usd");
        assertThat(invoice.getNumber()).matches("[0-9A-Z]{8}-0001");
        assertThat(invoice.getPeriodStart()).isEqualTo(item.getCurrentPeriodStart());
        assertThat(invoice.getPeriodEnd()).isEqualTo(item.getCurrentPeriodEnd());
        assertThat(invoice.getHostedInvoiceUrl()).isEqualTo(fake.baseUrl() + "/invoice/" + invoice.getId());
        assertThat(invoice.getInvoicePdf()).isEqualTo(fake.baseUrl() + "/invoice/" + invoice.getId() + "/pdf");
        assertThat(invoice.getAttemptCount()).isEqualTo(1L);
        assertThat(invoice.getParent().getType()).isEqualTo("subscription_details");
        assertThat(invoice.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscription.getId());
        assertThat(invoice.getLines().getData().getFirst().getQuantity()).isEqualTo(3L);
        assertThat(fake.subscription(subscription.getId()).quantity()).isEqualTo(3L);
    }

    @Test
    void checkoutWithATrialGivesATrialingSubscriptionAndAFreeFirstInvoice() throws StripeException {
        String customerId = customer();
        Session session = client.v1().checkout().sessions().create(checkout(customerId, 2L, 14L));

        fake.completeCheckout(session.getId());

        Session completed = client.v1().checkout().sessions().retrieve(session.getId());
        assertThat(completed.getPaymentStatus()).isEqualTo("no_payment_required");
        assertThat(completed.getStatus()).isEqualTo("complete");
        Subscription subscription = client.v1().subscriptions().retrieve(completed.getSubscription());
        long trialEnd = NOW.plus(Duration.ofDays(14)).getEpochSecond();
        assertThat(subscription.getStatus()).isEqualTo("trialing");
        assertThat(subscription.getTrialStart()).isEqualTo(NOW.getEpochSecond());
        assertThat(subscription.getTrialEnd()).isEqualTo(trialEnd);
        assertThat(subscription.getItems().getData().getFirst().getCurrentPeriodEnd()).isEqualTo(trialEnd);
        Invoice invoice = client.v1().invoices().retrieve(subscription.getLatestInvoice());
        assertThat(invoice.getAmountDue()).isZero();
        assertThat(invoice.getStatus()).isEqualTo("paid");
    }

    @Test
    void expandsIdsIntoObjects() throws StripeException {
        String subscriptionId = subscribe(4L);
        String sessionId = fake.checkoutSessions().getFirst().id();

        Session session = client.v1().checkout().sessions().retrieve(sessionId,
                SessionRetrieveParams.builder().addExpand("subscription").addExpand("customer").build());
        Subscription subscription = client.v1().subscriptions().retrieve(subscriptionId,
                SubscriptionRetrieveParams.builder().addExpand("latest_invoice").build());

        assertThat(session.getSubscriptionObject().getItems().getData().getFirst().getQuantity()).isEqualTo(4L);
        assertThat(session.getCustomerObject().getEmail()).isEqualTo("ops@acme.test");
        assertThat(subscription.getLatestInvoiceObject().getAmountDue()).isEqualTo(10_000L);
        assertThat(fake.requests("GET", "/v1/checkout/sessions/").getFirst().query())
                .containsKeys("expand[0]", "expand[1]");
    }

    @Test
    void changesSeatsThroughTheSubscriptionItemAndRecordsTheProrationBehavior() throws StripeException {
        String subscriptionId = subscribe(3L);
        String itemId = fake.subscription(subscriptionId).itemId();
        fake.takeEvents();

        SubscriptionItem item = client.v1().subscriptionItems().update(itemId, SubscriptionItemUpdateParams.builder()
                        .setQuantity(5L).setProrationBehavior(SubscriptionItemUpdateParams.ProrationBehavior.CREATE_PRORATIONS)
                        .build(),
                RequestOptions.builder().setIdempotencyKey("seats:t-42:7").build());

        assertThat(item.getId()).isEqualTo(itemId);
        assertThat(item.getQuantity()).isEqualTo(5L);
        assertThat(item.getSubscription()).isEqualTo(subscriptionId);
        FakeSubscription state = fake.subscription(subscriptionId);
        assertThat(state.quantity()).isEqualTo(5L);
        assertThat(state.lastProrationBehavior()).isEqualTo("create_prorations");
        RecordedRequest request = fake.requests("POST", "/v1/subscription_items/").getFirst();
        assertThat(request.path()).isEqualTo("/v1/subscription_items/" + itemId);
        assertThat(request.form()).containsEntry("quantity", List.of("5"))
                .containsEntry("proration_behavior", List.of("create_prorations"));
        assertThat(request.idempotencyKey()).isEqualTo("seats:t-42:7");
        assertThat(client.v1().subscriptions().retrieve(subscriptionId).getItems().getData().getFirst().getQuantity())
                .isEqualTo(5L);

        SignedEvent updated = fake.takeEvents().getFirst();
        assertThat(updated.type()).isEqualTo("customer.subscription.updated");
        JsonObject event = JsonParser.parseString(updated.payload()).getAsJsonObject();
        assertThat(event.getAsJsonObject("request").get("idempotency_key").getAsString()).isEqualTo("seats:t-42:7");
        assertThat(event.getAsJsonObject("data").getAsJsonObject("previous_attributes").getAsJsonObject("items")
                .getAsJsonArray("data").get(0).getAsJsonObject().get("quantity").getAsLong()).isEqualTo(3L);
    }

    @Test
    void listsACustomersSubscriptionsAndCancelsOne() throws StripeException {
        String subscriptionId = subscribe(3L);
        String customerId = fake.subscription(subscriptionId).customer();

        Subscription canceled = client.v1().subscriptions().cancel(subscriptionId, SubscriptionCancelParams.builder().build());

        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCanceledAt()).isEqualTo(NOW.getEpochSecond());
        assertThat(canceled.getEndedAt()).isEqualTo(NOW.getEpochSecond());
        assertThat(fake.subscription(subscriptionId).status()).isEqualTo("canceled");
        assertThat(fake.takeEvents()).extracting(SignedEvent::type).contains("customer.subscription.deleted");
        StripeCollection<Subscription> all = client.v1().subscriptions().list(SubscriptionListParams.builder()
                .setCustomer(customerId).setStatus(SubscriptionListParams.Status.ALL).build());
        assertThat(all.getObject()).isEqualTo("list");
        assertThat(all.getData()).extracting(Subscription::getId).containsExactly(subscriptionId);
        assertThat(all.getData().getFirst().getStatus()).isEqualTo("canceled");
        StripeCollection<Subscription> notCanceled = client.v1().subscriptions().list(SubscriptionListParams.builder()
                .setCustomer(customerId).build());
        assertThat(notCanceled.getData()).isEmpty();
        RecordedRequest list = fake.requests("GET", "/v1/subscriptions").getFirst();
        assertThat(list.query()).containsEntry("customer", List.of(customerId)).containsEntry("status", List.of("all"));
    }

    @Test
    void unknownIdsAnswer404ResourceMissing() {
        assertThatThrownBy(() -> client.v1().subscriptions().retrieve("sub_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getStripeError().getType()).isEqualTo("invalid_request_error");
                    assertThat(e.getStripeError().getMessage()).isEqualTo("No such subscription: 'sub_missing'");
                });
        assertThatThrownBy(() -> client.v1().invoices().retrieve("in_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void listsInvoicesNewestFirstWithLimit() throws StripeException {
        String subscriptionId = subscribe(2L);
        String customerId = fake.subscription(subscriptionId).customer();
        fake.advance(Duration.ofDays(31));
        fake.failPayment(subscriptionId);

        StripeCollection<Invoice> page = client.v1().invoices().list(InvoiceListParams.builder()
                .setCustomer(customerId).setLimit(1L).build());
        StripeCollection<Invoice> all = client.v1().invoices().list(InvoiceListParams.builder()
                .setCustomer(customerId).setLimit(10L).build());

        assertThat(page.getHasMore()).isTrue();
        assertThat(page.getData()).singleElement().satisfies(i -> {
            assertThat(i.getStatus()).isEqualTo("open");
            assertThat(i.getAttemptCount()).isEqualTo(1L);
            assertThat(i.getAmountRemaining()).isEqualTo(5000L);
        });
        assertThat(all.getHasMore()).isFalse();
        assertThat(all.getData()).extracting(Invoice::getStatus).containsExactly("open", "paid");
        assertThat(all.getData()).extracting(Invoice::getNumber)
                .satisfiesExactly(n -> assertThat(n).endsWith("-0002"), n -> assertThat(n).endsWith("-0001"));
        assertThat(fake.requests("GET", "/v1/invoices").getLast().query()).containsEntry("limit", List.of("10"));
    }

    @Test
    void meterEventsAreDeduplicatedByIdentifier() throws StripeException {
        String customerId = customer();
        long timestamp = NOW.minusSeconds(60).getEpochSecond();
        MeterEventCreateParams params = MeterEventCreateParams.builder().setEventName("call_minutes")
                .setIdentifier("cdr-1").setTimestamp(timestamp)
                .putPayload("stripe_customer_id", customerId).putPayload("value", "7").build();

        MeterEvent event = client.v1().billing().meterEvents().create(params);

        assertThat(event.getObject()).isEqualTo("billing.meter_event");
        assertThat(event.getEventName()).isEqualTo("call_minutes");
        assertThat(event.getIdentifier()).isEqualTo("cdr-1");
        assertThat(event.getTimestamp()).isEqualTo(timestamp);
        assertThat(event.getCreated()).isEqualTo(NOW.getEpochSecond());
        assertThat(event.getLivemode()).isFalse();
        assertThat(event.getPayload()).containsEntry("stripe_customer_id", customerId).containsEntry("value", "7");
        assertThat(fake.requests("POST", "/v1/billing/meter_events").getFirst().form())
                .containsEntry("payload[stripe_customer_id]", List.of(customerId))
                .containsEntry("payload[value]", List.of("7"))
                .containsEntry("identifier", List.of("cdr-1"))
                .containsEntry("timestamp", List.of(Long.toString(timestamp)));

        assertThatThrownBy(() -> client.v1().billing().meterEvents().create(params))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("resource_already_exists");
                    assertThat(e.getStripeError().getMessage())
                            .isEqualTo("A meter event with identifier cdr-1 already exists.");
                });
        assertThat(fake.meterUsage(customerId)).isEqualTo(7L);
        assertThat(fake.meterEvents()).containsExactly(
                new FakeMeterEvent("cdr-1", "call_minutes", customerId, 7L, Instant.ofEpochSecond(timestamp)));

        client.v1().billing().meterEvents().create(MeterEventCreateParams.builder().setEventName("call_minutes")
                .setIdentifier("cdr-2").putPayload("stripe_customer_id", customerId).putPayload("value", "5").build());
        assertThat(fake.meterUsage(customerId)).isEqualTo(12L);
        assertThat(fake.meterUsage(customerId, "sms")).isZero();
    }

    @Test
    void meterEventsOutsideStripesTimestampWindowAreRejected() throws StripeException {
        String customerId = customer();
        MeterEventCreateParams old = MeterEventCreateParams.builder().setEventName("call_minutes").setIdentifier("cdr-old")
                .setTimestamp(NOW.minus(Duration.ofDays(36)).getEpochSecond())
                .putPayload("stripe_customer_id", customerId).putPayload("value", "1").build();

        assertThatThrownBy(() -> client.v1().billing().meterEvents().create(old))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getParam()).isEqualTo("timestamp"));
        assertThat(fake.meterEvents()).isEmpty();
    }

    @Test
    void createsABillingPortalSession() throws StripeException {
        String customerId = customer();

        com.stripe.model.billingportal.Session portal = client.v1().billingPortal().sessions().create(
                com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customerId).setReturnUrl("https://app.test/settings/billing").build());

        assertThat(portal.getId()).startsWith("bps_");
        assertThat(portal.getObject()).isEqualTo("billing_portal.session");
        assertThat(portal.getUrl()).isEqualTo(fake.baseUrl() + "/portal/" + portal.getId());
        assertThat(portal.getCustomer()).isEqualTo(customerId);
        assertThat(portal.getReturnUrl()).isEqualTo("https://app.test/settings/billing");
        assertThatThrownBy(() -> client.v1().billingPortal().sessions().create(
                com.stripe.param.billingportal.SessionCreateParams.builder().setCustomer("cus_nobody").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getParam()).isEqualTo("customer");
                });
    }

    private String customer() throws StripeException {
        return client.v1().customers().create(CustomerCreateParams.builder()
                .setName("Acme Support").setEmail("ops@acme.test").putMetadata("tenant_id", "t-42").build()).getId();
    }

    private static SessionCreateParams checkout(String customerId, long seats, Long trialDays) {
        SessionCreateParams.SubscriptionData.Builder subscriptionData = SessionCreateParams.SubscriptionData.builder()
                .putMetadata("tenant_id", "t-42");
        if (trialDays != null) subscriptionData.setTrialPeriodDays(trialDays);
        return SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customerId)
                .setClientReferenceId("t-42")
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(FakeStripe.PRICE_SEAT).setQuantity(seats).build())
                .setSubscriptionData(subscriptionData.build())
                .putMetadata("tenant_id", "t-42")
                .setSuccessUrl("https://app.test/billing/done")
                .setCancelUrl("https://app.test/billing/cancel")
                .build();
    }

    private String subscribe(long seats) throws StripeException {
        Session session = client.v1().checkout().sessions().create(checkout(customer(), seats, null));
        fake.completeCheckout(session.getId());
        return fake.checkoutSessions().stream().filter(s -> s.id().equals(session.getId())).findFirst().orElseThrow()
                .subscription();
    }
}
