package io.callisto.billing.stripe.fake;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.callisto.billing.stripe.fake.StripeObjects.CheckoutSession;
import io.callisto.billing.stripe.fake.StripeObjects.Customer;
import io.callisto.billing.stripe.fake.StripeObjects.Invoice;
import io.callisto.billing.stripe.fake.StripeObjects.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What happens at Stripe without our API calls (a customer paying in Checkout, a card declining, the Customer Portal,
 * dunning giving up), each returning the events Stripe would send, in Stripe's usual order, without delivering them.
 * Called under FakeStripe's lock.
 */
final class FakeStripeControls {

    private final FakeStripeState state;
    private final FakeStripeEvents events;

    FakeStripeControls(FakeStripeState state, FakeStripeEvents events) {
        this.state = state;
        this.events = events;
    }

    List<SignedEvent> completeCheckout(String sessionId) {
        CheckoutSession session = state.sessions.get(sessionId);
        if (session == null) throw new IllegalArgumentException("no checkout session " + sessionId);
        if (!"open".equals(session.status)) {
            throw new IllegalStateException("checkout session " + sessionId + " is " + session.status + ", not open");
        }
        if (session.customer == null) {
            Customer created = state.createCustomer(null, session.customerEmail, Map.of());
            session.customer = created.id;
        }
        Subscription s = state.createSubscription(session);
        boolean trial = "trialing".equals(s.status);
        long amount = trial ? 0L : s.quantity * state.unitAmount(s.priceId);
        Invoice invoice = state.createInvoice(s, "subscription_create", amount, "paid");
        session.status = "complete";
        session.paymentStatus = trial ? "no_payment_required" : "paid";
        session.subscription = s.id;
        session.invoice = invoice.id;
        List<SignedEvent> result = new ArrayList<>();
        result.add(events.create("customer.subscription.created", state.json(s), null));
        result.add(events.create("checkout.session.completed", StripeJson.checkoutSession(session), null));
        result.add(events.create("invoice.paid", StripeJson.invoice(invoice), null));
        return result;
    }

    List<SignedEvent> expireCheckout(String sessionId) {
        CheckoutSession session = state.sessions.get(sessionId);
        if (session == null) throw new IllegalArgumentException("no checkout session " + sessionId);
        if (!"open".equals(session.status)) {
            throw new IllegalStateException("checkout session " + sessionId + " is " + session.status + ", not open");
        }
        session.status = "expired";
        return List.of(events.create("checkout.session.expired", StripeJson.checkoutSession(session), null));
    }

    /**
     * A renewal charge fails: a new open invoice (attempt_count 1) and the subscription past_due. If the subscription
     * already has an open invoice, this is a failed retry of it instead: its attempt_count grows, and
     * customer.subscription.updated is sent only if the status changed.
     */
    List<SignedEvent> failPayment(String subscriptionId) {
        Subscription s = live(subscriptionId);
        Invoice invoice = openInvoices(s).stream().findFirst().orElse(null);
        if (invoice == null) {
            invoice = state.createInvoice(s, "subscription_cycle", s.quantity * state.unitAmount(s.priceId), "open");
        }
        invoice.attemptCount++;
        invoice.nextPaymentAttempt = state.nowSeconds() + 3L * 86_400L;
        List<SignedEvent> result = new ArrayList<>();
        result.add(events.create("invoice.payment_failed", StripeJson.invoice(invoice), null));
        updated(s, x -> x.status = "past_due").ifPresent(result::add);
        return result;
    }

    /** Open invoices are paid (oldest first) and a past_due, unpaid or incomplete subscription becomes active. */
    List<SignedEvent> payOpenInvoices(String subscriptionId) {
        Subscription s = live(subscriptionId);
        List<SignedEvent> result = new ArrayList<>();
        for (Invoice invoice : openInvoices(s).reversed()) {
            state.markPaid(invoice);
            result.add(events.create("invoice.paid", StripeJson.invoice(invoice), null));
        }
        if (List.of("past_due", "unpaid", "incomplete").contains(s.status)) {
            updated(s, x -> x.status = "active").ifPresent(result::add);
        }
        return result;
    }

    /** Retries are exhausted and the account is set to leave the subscription unpaid. */
    List<SignedEvent> markUnpaid(String subscriptionId) {
        return updated(live(subscriptionId), x -> x.status = "unpaid").stream().toList();
    }

    /** A quantity change made by the customer in the Customer Portal (does not touch lastProrationBehavior). */
    List<SignedEvent> setQuantityFromPortal(String subscriptionId, long quantity) {
        return updated(live(subscriptionId), x -> x.quantity = quantity).stream().toList();
    }

    /** A quantity change that sends no event at all (for drift reconciliation tests). */
    void setQuantitySilently(String subscriptionId, long quantity) {
        live(subscriptionId).quantity = quantity;
    }

    List<SignedEvent> cancelAtPeriodEnd(String subscriptionId) {
        return updated(live(subscriptionId), x -> {
            x.cancelAtPeriodEnd = true;
            x.cancelAt = x.periodEnd;
            x.canceledAt = state.nowSeconds();
            x.cancellationReason = "cancellation_requested";
        }).stream().toList();
    }

    /** The subscription ends now (its period ended after cancel_at_period_end, or dunning canceled it). */
    List<SignedEvent> endSubscription(String subscriptionId) {
        Subscription s = live(subscriptionId);
        long now = state.nowSeconds();
        s.status = "canceled";
        s.endedAt = now;
        if (s.canceledAt == null) s.canceledAt = now;
        if (s.cancellationReason == null) s.cancellationReason = "cancellation_requested";
        return List.of(events.create("customer.subscription.deleted", state.json(s), null));
    }

    List<SignedEvent> trialWillEnd(String subscriptionId) {
        return List.of(events.create("customer.subscription.trial_will_end", state.json(live(subscriptionId)), null));
    }

    SignedEvent event(String type, String objectJson) {
        return events.create(type, JsonParser.parseString(objectJson).getAsJsonObject(), null);
    }

    private Optional<SignedEvent> updated(Subscription s, Consumer<Subscription> change) {
        JsonObject before = state.json(s);
        change.accept(s);
        JsonObject after = state.json(s);
        if (before.equals(after)) return Optional.empty();
        return Optional.of(events.create("customer.subscription.updated", after,
                StripeJson.previousAttributes(before, after)));
    }

    private List<Invoice> openInvoices(Subscription s) {
        return state.invoicesNewestFirst().stream()
                .filter(i -> i.subscription.equals(s.id) && "open".equals(i.status)).toList();
    }

    private Subscription live(String subscriptionId) {
        Subscription s = state.subscriptions.get(subscriptionId);
        if (s == null) throw new IllegalArgumentException("no subscription " + subscriptionId);
        if ("canceled".equals(s.status)) throw new IllegalStateException("subscription " + subscriptionId + " is canceled");
        return s;
    }
}
