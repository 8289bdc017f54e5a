package io.callisto.billing.stripe.fake;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of a subscription (and its single item) held by {@link FakeStripe}.
 *
 * @param lastProrationBehavior the {@code proration_behavior} sent with the last API quantity change, exactly as sent
 *                              (null if none was sent; portal and silent changes leave it as it was)
 * @param trialEnd              null when the subscription never had a trial
 */
public record FakeSubscription(String id, String customer, String status, long quantity, String itemId, String priceId,
                               String lastProrationBehavior, boolean cancelAtPeriodEnd, Instant currentPeriodStart,
                               Instant currentPeriodEnd, Instant trialEnd, Map<String, String> metadata) {

    public FakeSubscription {
        metadata = Map.copyOf(metadata);
    }
}
