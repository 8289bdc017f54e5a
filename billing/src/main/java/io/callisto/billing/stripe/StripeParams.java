package io.callisto.billing.stripe;

import com.stripe.param.checkout.SessionCreateParams;
import io.callisto.billing.PaymentProvider.CheckoutRequest;

/** The Stripe request parameters Callisto sends. */
final class StripeParams {
    private StripeParams() {
    }

    /**
     * A Checkout Session in subscription mode: the tenant's customer, the seat price and quantity (adjustable by
     * the buyer), the tenant id as client_reference_id and as metadata on the subscription, an optional trial.
     */
    static SessionCreateParams checkout(CheckoutRequest r, int maxSeats) {
        SessionCreateParams.SubscriptionData.Builder subscription = SessionCreateParams.SubscriptionData.builder()
                .putMetadata("tenant_id", r.tenant().value());
        if (r.trialDays() > 0) {
            subscription.setTrialPeriodDays((long) r.trialDays());
        }
        return SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(r.customerId())
                .setClientReferenceId(r.tenant().value())
                .putMetadata("tenant_id", r.tenant().value())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(r.priceId()).setQuantity((long) r.seats())
                        .setAdjustableQuantity(SessionCreateParams.LineItem.AdjustableQuantity.builder().setEnabled(true)
                                .setMinimum(1L).setMaximum((long) maxSeats).build())
                        .build())
                .setSubscriptionData(subscription.build())
                .setSuccessUrl(r.successUrl())
                .setCancelUrl(r.cancelUrl())
                .build();
    }
}
