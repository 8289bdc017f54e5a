package io.callisto.billing.stripe.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test controls, the events they return, and their signatures, checked with stripe-java's own Webhook code. */
class FakeStripeEventsTest {

    private static final String SECRET = "whsec_test_secret";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private FakeStripe fake;
    private StripeClient client;

    @BeforeEach
    void start() {
        fake = new FakeStripe(Clock.fixed(NOW, ZoneOffset.UTC), SECRET);
        client = StripeClient.builder().setApiKey("sk_test_123").setApiBase(fake.baseUrl()).setMaxNetworkRetries(0).build();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void completedCheckoutEventsVerifyAndDeserializeWithTheLibrarysApiVersion() throws Exception {
        String sessionId = checkout(null);

        List<SignedEvent> events = fake.completeCheckout(sessionId);

        List<StripeObject> objects = new ArrayList<>();
        for (SignedEvent signed : events) {
            Event event = Webhook.constructEvent(signed.payload(), signed.signatureHeader(), SECRET);
            assertThat(event.getId()).isEqualTo(signed.id()).startsWith("evt_");
            assertThat(event.getType()).isEqualTo(signed.type());
            assertThat(event.getApiVersion()).isEqualTo(Stripe.API_VERSION);
            assertThat(event.getCreated()).isEqualTo(NOW.getEpochSecond());
            assertThat(event.getLivemode()).isFalse();
            assertThat(event.getPendingWebhooks()).isEqualTo(1L);
            assertThat(event.getRequest().getId()).isNull();
            assertThat(event.getDataObjectDeserializer().getObject()).isPresent();
            objects.add(event.getDataObjectDeserializer().getObject().orElseThrow());
        }
        Subscription subscription = (Subscription) objects.get(0);
        Session session = (Session) objects.get(1);
        Invoice invoice = (Invoice) objects.get(2);
        assertThat(subscription.getStatus()).isEqualTo("active");
        assertThat(subscription.getItems().getData().getFirst().getQuantity()).isEqualTo(3L);
        assertThat(session.getStatus()).isEqualTo("complete");
        assertThat(session.getSubscription()).isEqualTo(subscription.getId());
        assertThat(session.getClientReferenceId()).isEqualTo("t-7");
        assertThat(invoice.getStatus()).isEqualTo("paid");
        assertThat(invoice.getAmountPaid()).isEqualTo(7500L);
        assertThat(invoice.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscription.getId());
        assertThat(events.getFirst().signatureHeader()).isEqualTo("t=" + NOW.getEpochSecond() + ",v1="
                + WebhookSigner.hmacSha256Hex(SECRET, NOW.getEpochSecond() + "." + events.getFirst().payload()));
    }

    @Test
    void failedPaymentThenPaymentThenUnpaidThenPaymentAgain() throws Exception {
        String subscriptionId = subscribe();
        fake.advance(Duration.ofDays(31));

        List<SignedEvent> failed = fake.failPayment(subscriptionId);

        assertThat(failed).extracting(SignedEvent::type)
                .containsExactly("invoice.payment_failed", "customer.subscription.updated");
        Invoice open = (Invoice) object(failed.get(0));
        assertThat(open.getStatus()).isEqualTo("open");
        assertThat(open.getAttemptCount()).isEqualTo(1L);
        assertThat(open.getAmountDue()).isEqualTo(7500L);
        assertThat(open.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscriptionId);
        assertThat(((Subscription) object(failed.get(1))).getStatus()).isEqualTo("past_due");
        assertThat(verify(failed.get(1)).getData().getPreviousAttributes()).containsEntry("status", "active");
        assertThat(fake.subscription(subscriptionId).status()).isEqualTo("past_due");

        List<SignedEvent> retryFailed = fake.failPayment(subscriptionId);
        assertThat(retryFailed).extracting(SignedEvent::type).containsExactly("invoice.payment_failed");
        assertThat(((Invoice) object(retryFailed.getFirst())).getAttemptCount()).isEqualTo(2L);

        List<SignedEvent> unpaid = fake.markUnpaid(subscriptionId);
        assertThat(unpaid).extracting(SignedEvent::type).containsExactly("customer.subscription.updated");
        assertThat(((Subscription) object(unpaid.getFirst())).getStatus()).isEqualTo("unpaid");
        assertThat(client.v1().subscriptions().retrieve(subscriptionId).getStatus()).isEqualTo("unpaid");

        List<SignedEvent> paid = fake.payOpenInvoices(subscriptionId);
        assertThat(paid).extracting(SignedEvent::type).containsExactly("invoice.paid", "customer.subscription.updated");
        Invoice paidInvoice = (Invoice) object(paid.get(0));
        assertThat(paidInvoice.getId()).isEqualTo(open.getId());
        assertThat(paidInvoice.getStatus()).isEqualTo("paid");
        assertThat(paidInvoice.getAmountRemaining()).isZero();
        assertThat(paidInvoice.getStatusTransitions().getPaidAt()).isEqualTo(fake.now().getEpochSecond());
        assertThat(((Subscription) object(paid.get(1))).getStatus()).isEqualTo("active");
        assertThat(fake.invoicesOf(subscriptionId)).extracting(FakeInvoice::status).containsExactly("paid", "paid");
    }

    @Test
    void portalSilentAndCancellationChanges() throws Exception {
        String subscriptionId = subscribe();

        List<SignedEvent> portal = fake.setQuantityFromPortal(subscriptionId, 8);
        assertThat(portal).extracting(SignedEvent::type).containsExactly("customer.subscription.updated");
        assertThat(((Subscription) object(portal.getFirst())).getItems().getData().getFirst().getQuantity()).isEqualTo(8L);
        assertThat(fake.subscription(subscriptionId).lastProrationBehavior()).isNull();

        fake.takeEvents();
        int eventsBefore = fake.events().size();
        fake.setQuantitySilently(subscriptionId, 11);
        assertThat(fake.events()).hasSize(eventsBefore);
        assertThat(fake.takeEvents()).isEmpty();
        assertThat(client.v1().subscriptions().retrieve(subscriptionId).getItems().getData().getFirst().getQuantity())
                .isEqualTo(11L);

        List<SignedEvent> cancel = fake.cancelAtPeriodEnd(subscriptionId);
        Subscription pending = (Subscription) object(cancel.getFirst());
        assertThat(pending.getCancelAtPeriodEnd()).isTrue();
        assertThat(pending.getCancelAt()).isEqualTo(pending.getItems().getData().getFirst().getCurrentPeriodEnd());
        assertThat(pending.getStatus()).isEqualTo("active");
        assertThat(fake.subscription(subscriptionId).cancelAtPeriodEnd()).isTrue();

        fake.advance(Duration.ofDays(31));
        List<SignedEvent> ended = fake.endSubscription(subscriptionId);
        assertThat(ended).extracting(SignedEvent::type).containsExactly("customer.subscription.deleted");
        Subscription canceled = (Subscription) object(ended.getFirst());
        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getEndedAt()).isEqualTo(fake.now().getEpochSecond());
        assertThat(canceled.getCanceledAt()).isEqualTo(NOW.getEpochSecond());
        assertThatThrownBy(() -> fake.payOpenInvoices(subscriptionId)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void trialWillEndAndCustomEvents() throws Exception {
        String sessionId = checkout(14L);
        fake.completeCheckout(sessionId);
        String subscriptionId = fake.checkoutSessions().getFirst().subscription();

        SignedEvent trial = fake.trialWillEnd(subscriptionId).getFirst();
        SignedEvent unknown = fake.event("customer.tax_id.created", "{\"id\":\"txi_1\",\"object\":\"tax_id\",\"value\":\"x\"}");
        SignedEvent stale = fake.event("customer.subscription.updated",
                "{\"id\":\"" + subscriptionId + "\",\"object\":\"subscription\",\"status\":\"incomplete\"}");

        assertThat(trial.type()).isEqualTo("customer.subscription.trial_will_end");
        Subscription trialing = (Subscription) object(trial);
        assertThat(trialing.getStatus()).isEqualTo("trialing");
        assertThat(trialing.getTrialEnd()).isEqualTo(NOW.plus(Duration.ofDays(14)).getEpochSecond());
        assertThat(verify(unknown).getType()).isEqualTo("customer.tax_id.created");
        assertThat(((Subscription) object(stale)).getStatus()).isEqualTo("incomplete");
        assertThat(fake.subscription(subscriptionId).status()).isEqualTo("trialing");
    }

    @Test
    void eventsCausedByApiCallsCarryTheRequest() throws Exception {
        client.v1().customers().create(CustomerCreateParams.builder().setName("Acme").build(),
                RequestOptions.builder().setIdempotencyKey("cust-1").build());

        SignedEvent created = fake.takeEvents().getFirst();

        Event event = verify(created);
        assertThat(event.getType()).isEqualTo("customer.created");
        assertThat(event.getRequest().getId()).startsWith("req_");
        assertThat(event.getRequest().getIdempotencyKey()).isEqualTo("cust-1");
        assertThat(fake.takeEvents()).isEmpty();
        assertThat(fake.events()).containsExactly(created);
    }

    @Test
    void forgedAndStaleSignaturesAreRejected() throws Exception {
        SignedEvent event = fake.event("invoice.paid", "{\"id\":\"in_1\",\"object\":\"invoice\"}");
        SignedEvent forged = event.withSignature(fake.signer().signWith("whsec_attacker").sign(event.payload()));
        SignedEvent stale = event.withSignature(fake.signer().sign(event.payload(), Instant.now().minus(Duration.ofMinutes(10))));
        SignedEvent tampered = new SignedEvent(event.id(), event.type(), event.payload().replace("in_1", "in_2"),
                event.signatureHeader());

        assertThat(verify(event).getId()).isEqualTo(event.id());
        assertThatThrownBy(() -> verify(forged)).isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> verify(stale)).isInstanceOf(SignatureVerificationException.class)
                .hasMessageContaining("tolerance");
        assertThatThrownBy(() -> verify(tampered)).isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void signerMatchesStripeJavasOwnSignature() throws Exception {
        WebhookSigner signer = new WebhookSigner(SECRET);
        String payload = "{\"id\":\"evt_1\",\"object\":\"event\"}";
        long timestamp = 1_767_225_600L;

        String header = signer.sign(payload, Instant.ofEpochSecond(timestamp));

        assertThat(header).isEqualTo(Webhook.Signature.generateSignatureHeader(payload, SECRET, timestamp));
        assertThat(header).matches("t=1767225600,v1=[0-9a-f]{64}");
        assertThat(signer.signWith("whsec_other").sign(payload, Instant.ofEpochSecond(timestamp))).isNotEqualTo(header);
    }

    @Test
    void deliverPostsThePayloadWithTheSignatureHeader() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        receiver.createContext("/webhooks/stripe", exchange -> {
            try (exchange) {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                received.add(exchange.getRequestHeaders().getFirst("Stripe-Signature"));
                received.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        try {
            SignedEvent event = fake.event("invoice.paid", "{\"id\":\"in_1\",\"object\":\"invoice\"}");
            URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/stripe");

            assertThat(fake.deliver(event, url)).isEqualTo(204);
            assertThat(received).containsExactly(event.payload(), event.signatureHeader(), "application/json; charset=utf-8");
            assertThat(fake.deliverAll(List.of(event, event), url)).containsExactly(204, 204);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theClockCanBeMovedAndSetAndIsUsedForNewObjectsAndEvents() throws Exception {
        Instant later = NOW.plus(Duration.ofHours(2));
        fake.setNow(later);
        String subscriptionId = subscribe();
        fake.advance(Duration.ofSeconds(30));

        SignedEvent event = fake.failPayment(subscriptionId).getFirst();

        assertThat(fake.subscription(subscriptionId).currentPeriodStart()).isEqualTo(later);
        JsonObject json = JsonParser.parseString(event.payload()).getAsJsonObject();
        assertThat(json.get("created").getAsLong()).isEqualTo(later.plusSeconds(30).getEpochSecond());
        assertThat(event.signatureHeader()).startsWith("t=" + later.plusSeconds(30).getEpochSecond() + ",");
    }

    private Event verify(SignedEvent signed) throws SignatureVerificationException {
        return Webhook.constructEvent(signed.payload(), signed.signatureHeader(), SECRET, 300L,
                Clock.fixed(fake.now(), ZoneOffset.UTC));
    }

    private StripeObject object(SignedEvent signed) throws SignatureVerificationException {
        return verify(signed).getDataObjectDeserializer().getObject().orElseThrow();
    }

    private String checkout(Long trialDays) throws StripeException {
        String customerId = client.v1().customers().create(CustomerCreateParams.builder().setName("Acme").build()).getId();
        SessionCreateParams.SubscriptionData.Builder data = SessionCreateParams.SubscriptionData.builder();
        if (trialDays != null) data.setTrialPeriodDays(trialDays);
        return client.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION).setCustomer(customerId).setClientReferenceId("t-7")
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(FakeStripe.PRICE_SEAT).setQuantity(3L).build())
                .setSubscriptionData(data.build())
                .setSuccessUrl("https://app.test/ok").build()).getId();
    }

    private String subscribe() throws StripeException {
        String sessionId = checkout(null);
        fake.completeCheckout(sessionId);
        return fake.checkoutSessions().stream().filter(s -> s.id().equals(sessionId)).findFirst().orElseThrow().subscription();
    }
}
