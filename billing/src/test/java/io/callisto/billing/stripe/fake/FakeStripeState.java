package io.callisto.billing.stripe.fake;

import com.google.gson.JsonObject;
import io.callisto.billing.stripe.fake.StripeObjects.CheckoutSession;
import io.callisto.billing.stripe.fake.StripeObjects.Customer;
import io.callisto.billing.stripe.fake.StripeObjects.Invoice;
import io.callisto.billing.stripe.fake.StripeObjects.PortalSession;
import io.callisto.billing.stripe.fake.StripeObjects.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The objects the fake holds and the changes shared by the API and the test controls. Not thread-safe on its own: every
 * access happens under {@link FakeStripe}'s lock.
 */
final class FakeStripeState {

    static final long DEFAULT_UNIT_AMOUNT = 2500L;

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    final Map<String, Customer> customers = new LinkedHashMap<>();
    final Map<String, CheckoutSession> sessions = new LinkedHashMap<>();
    final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    final Map<String, Invoice> invoices = new LinkedHashMap<>();
    final Map<String, FakeMeterEvent> meterEvents = new LinkedHashMap<>();
    final Map<String, PortalSession> portalSessions = new LinkedHashMap<>();
    private final Map<String, Long> unitAmounts = new HashMap<>();
    private final Clock clock;
    private final String baseUrl;

    FakeStripeState(Clock clock, String baseUrl) {
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    Instant now() {
        return clock.instant();
    }

    long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    /** A Stripe-looking id: the prefix and 24 random base-62 characters. */
    static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 24; i++) id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return id.toString();
    }

    void setUnitAmount(String priceId, long cents) {
        unitAmounts.put(priceId, cents);
    }

    long unitAmount(String priceId) {
        return unitAmounts.getOrDefault(priceId, DEFAULT_UNIT_AMOUNT);
    }

    Customer createCustomer(String name, String email, Map<String, String> metadata) {
        Customer c = new Customer();
        c.id = newId("cus_");
        c.name = name;
        c.email = email;
        c.metadata.putAll(metadata);
        c.created = nowSeconds();
        c.invoicePrefix = newId("").substring(0, 8).toUpperCase(Locale.ROOT);
        customers.put(c.id, c);
        return c;
    }

    Subscription subscriptionByItem(String itemId) {
        return subscriptions.values().stream().filter(s -> s.itemId.equals(itemId)).findFirst().orElse(null);
    }

    /** Subscriptions of a customer, newest first. */
    List<Subscription> subscriptionsOf(String customerId) {
        List<Subscription> result = new ArrayList<>();
        for (Subscription s : subscriptions.values().stream().toList().reversed()) {
            if (s.customer.equals(customerId)) result.add(s);
        }
        return result;
    }

    /** Invoices, newest first. */
    List<Invoice> invoicesNewestFirst() {
        return invoices.values().stream().toList().reversed();
    }

    /** The subscription a completed Checkout Session creates: one item, trialing or active, one month (or trial) period. */
    Subscription createSubscription(CheckoutSession session) {
        long now = nowSeconds();
        Subscription s = new Subscription();
        s.id = newId("sub_");
        s.customer = session.customer;
        s.metadata.putAll(session.subscriptionMetadata);
        s.created = now;
        s.billingCycleAnchor = now;
        s.itemId = newId("si_");
        s.itemCreated = now;
        s.priceId = session.priceId;
        s.quantity = session.quantity;
        s.periodStart = now;
        if (session.trialPeriodDays != null && session.trialPeriodDays > 0) {
            s.status = "trialing";
            s.trialStart = now;
            s.trialEnd = now + session.trialPeriodDays * 86_400L;
            s.periodEnd = s.trialEnd;
            s.billingCycleAnchor = s.trialEnd;
        } else {
            s.status = "active";
            s.periodEnd = plusOneMonth(now);
        }
        subscriptions.put(s.id, s);
        return s;
    }

    /** A finalized invoice for the subscription's current period and quantity; status "paid" or "open". */
    Invoice createInvoice(Subscription s, String billingReason, long amountDue, String status) {
        Customer customer = customers.get(s.customer);
        long now = nowSeconds();
        Invoice i = new Invoice();
        i.id = newId("in_");
        i.lineId = newId("il_");
        i.customer = s.customer;
        i.customerEmail = customer == null ? null : customer.email;
        i.customerName = customer == null ? null : customer.name;
        i.subscription = s.id;
        i.subscriptionItem = s.itemId;
        i.priceId = s.priceId;
        i.quantity = s.quantity;
        i.unitAmount = unitAmount(s.priceId);
        i.billingReason = billingReason;
        i.amountDue = amountDue;
        i.status = status;
        i.created = now;
        i.finalizedAt = now;
        i.periodStart = s.periodStart;
        i.periodEnd = s.periodEnd;
        if (customer != null) {
            i.number = customer.invoicePrefix + "-" + String.format(Locale.ROOT, "%04d", customer.nextInvoiceNumber++);
        }
        i.hostedInvoiceUrl = baseUrl + "/invoice/" + i.id;
        i.invoicePdf = baseUrl + "/invoice/" + i.id + "/pdf";
        if ("paid".equals(status)) markPaid(i);
        invoices.put(i.id, i);
        s.latestInvoice = i.id;
        return i;
    }

    void markPaid(Invoice i) {
        i.status = "paid";
        i.amountPaid = i.amountDue;
        i.attemptCount = i.amountDue == 0 ? i.attemptCount : i.attemptCount + 1;
        i.paidAt = nowSeconds();
        i.nextPaymentAttempt = null;
    }

    static long plusOneMonth(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC).plusMonths(1).toEpochSecond();
    }

    JsonObject json(Subscription s) {
        return StripeJson.subscription(s, unitAmount(s.priceId));
    }

    /** The JSON of any object the fake holds, by id (for {@code expand[]}), or null. */
    JsonObject jsonOf(String id) {
        if (customers.containsKey(id)) return StripeJson.customer(customers.get(id));
        if (subscriptions.containsKey(id)) return json(subscriptions.get(id));
        if (invoices.containsKey(id)) return StripeJson.invoice(invoices.get(id));
        if (sessions.containsKey(id)) return StripeJson.checkoutSession(sessions.get(id));
        if (id.startsWith("price_")) return StripeJson.price(id, unitAmount(id));
        Subscription owner = subscriptionByItem(id);
        return owner == null ? null : StripeJson.subscriptionItem(owner, unitAmount(owner.priceId));
    }

    FakeSubscription view(Subscription s) {
        return new FakeSubscription(s.id, s.customer, s.status, s.quantity, s.itemId, s.priceId, s.lastProrationBehavior,
                s.cancelAtPeriodEnd, Instant.ofEpochSecond(s.periodStart), Instant.ofEpochSecond(s.periodEnd),
                s.trialEnd == null ? null : Instant.ofEpochSecond(s.trialEnd), s.metadata);
    }

    static FakeCustomer view(Customer c) {
        return new FakeCustomer(c.id, c.name, c.email, c.metadata);
    }

    static FakeCheckoutSession view(CheckoutSession s) {
        return new FakeCheckoutSession(s.id, s.url, s.status, s.paymentStatus, s.customer, s.clientReferenceId, s.priceId,
                s.quantity, s.trialPeriodDays, s.subscription, s.metadata, s.subscriptionMetadata);
    }

    static FakeInvoice view(Invoice i) {
        return new FakeInvoice(i.id, i.customer, i.subscription, i.status, i.amountDue, i.amountPaid, i.attemptCount,
                i.billingReason);
    }
}
