package io.callisto.billing.stripe.fake;

import java.util.Map;

/** A snapshot of a Checkout Session held by {@link FakeStripe}. {@code subscription} is null until it is completed. */
public record FakeCheckoutSession(String id, String url, String status, String paymentStatus, String customer,
                                  String clientReferenceId, String priceId, long quantity, Integer trialPeriodDays,
                                  String subscription, Map<String, String> metadata, Map<String, String> subscriptionMetadata) {

    public FakeCheckoutSession {
        metadata = Map.copyOf(metadata);
        subscriptionMetadata = Map.copyOf(subscriptionMetadata);
    }
}
