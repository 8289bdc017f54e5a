package io.callisto.billing;

import io.callisto.core.billing.CallUsage;
import io.callisto.core.billing.InvoiceRecord;
import io.callisto.core.billing.SubscriptionState;
import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the payment provider (Stripe, behind {@code stripe/}). Every call that changes something takes the
 * idempotency key it is sent with, derived from business facts, so a retried job or request is applied once.
 * Failures are {@link ProviderException}s, which say whether trying again later can help.
 */
public interface PaymentProvider {
    /** Creates the customer a tenant pays as; returns its id. */
    String createCustomer(TenantId tenant, String companyName, String email, String idempotencyKey);

    /** Starts a hosted checkout for a seat subscription; returns where the browser goes. */
    CheckoutSession startCheckout(CheckoutRequest request, String idempotencyKey);

    /** A checkout session as it stands now. */
    Optional<CheckoutOutcome> checkout(String sessionId);

    Optional<SubscriptionState> subscription(String subscriptionId);

    /** The customer's subscriptions in every status, newest first. */
    List<SubscriptionState> subscriptionsOf(String customerId);

    /** Sets the seat item's quantity, prorated onto the next invoice (no invoice per change). */
    SubscriptionState setSeats(String subscriptionId, String itemId, int quantity, String idempotencyKey);

    /** Cancels a subscription now (a duplicate that must not be provisioned). */
    void cancelNow(String subscriptionId, String idempotencyKey);

    Optional<ProviderInvoice> invoice(String invoiceId);

    /** Reports a call's billable minutes; a call already reported (same identifier) counts as reported. */
    void reportUsage(String customerId, CallUsage usage, String meterEventName);

    /** A Customer Portal session's URL. */
    String portalUrl(String customerId, String returnUrl);

    /** Verifies a webhook's signature over the raw body and reads the event's envelope. */
    ProviderEvent verify(String payload, String signatureHeader);

    /** What a checkout needs: who pays, for how many seats, where the browser returns. */
    record CheckoutRequest(TenantId tenant, String customerId, String priceId, int seats, int trialDays,
                           String successUrl, String cancelUrl) {
    }

    record CheckoutSession(String id, String url) {
    }

    /** A checkout's customer, the tenant it names, the subscription it created (once complete). */
    record CheckoutOutcome(String sessionId, String customerId, String tenantReference, String subscriptionId,
                           boolean complete) {
    }

    /** An invoice and whose it is. */
    record ProviderInvoice(InvoiceRecord invoice, String customerId, String subscriptionId, int attemptCount) {
    }

    /**
     * A verified event's envelope: id, type, when the provider created it, and the object it is about (its type,
     * id and customer); the object's content is never trusted, it is fetched again.
     */
    record ProviderEvent(String id, String type, Instant createdAt, String objectType, String objectId,
                         String customerId) {
    }
}
