package io.callisto.billing.stripe.fake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fake's mutable Stripe objects. Fields are package-private and guarded by {@link FakeStripe}'s lock; all times are
 * epoch seconds, all amounts are cents.
 */
final class StripeObjects {

    private StripeObjects() {
    }

    static final class Customer {
        String id;
        String name;
        String email;
        Map<String, String> metadata = new LinkedHashMap<>();
        long created;
        String invoicePrefix;
        int nextInvoiceNumber = 1;
    }

    static final class CheckoutSession {
        String id;
        String url;
        String mode;
        String customer;
        String customerEmail;
        String clientReferenceId;
        String priceId;
        long quantity;
        Integer trialPeriodDays;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, String> subscriptionMetadata = new LinkedHashMap<>();
        String successUrl;
        String cancelUrl;
        String status = "open";
        String paymentStatus = "unpaid";
        String subscription;
        String invoice;
        Long amountTotal;
        long created;
        long expiresAt;
    }

    static final class Subscription {
        String id;
        String customer;
        String status;
        Map<String, String> metadata = new LinkedHashMap<>();
        boolean cancelAtPeriodEnd;
        Long cancelAt;
        Long canceledAt;
        Long endedAt;
        String cancellationReason;
        Long trialStart;
        Long trialEnd;
        long created;
        long billingCycleAnchor;
        String latestInvoice;
        String itemId;
        long itemCreated;
        String priceId;
        long quantity;
        long periodStart;
        long periodEnd;
        /** The proration_behavior of the last API change of the quantity, exactly as sent (null when none was sent). */
        String lastProrationBehavior;
    }

    static final class Invoice {
        String id;
        String lineId;
        String customer;
        String customerEmail;
        String customerName;
        String subscription;
        String subscriptionItem;
        String priceId;
        long quantity;
        long unitAmount;
        String status;
        String number;
        String billingReason;
        long amountDue;
        long amountPaid;
        long attemptCount;
        long created;
        long periodStart;
        long periodEnd;
        Long finalizedAt;
        Long paidAt;
        Long nextPaymentAttempt;
        String hostedInvoiceUrl;
        String invoicePdf;
    }

    static final class PortalSession {
        String id;
        String customer;
        String returnUrl;
        String url;
        long created;
    }
}
