package io.callisto.core.billing;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscription as the payment provider reports it now: the seat item's id, price and quantity, its status
 * word, its period and trial. Billing decides the tenant's status and seats from this alone.
 */
public record SubscriptionState(String id, String customerId, String status, String itemId, String priceId,
                                int quantity, Instant currentPeriodStart, Instant currentPeriodEnd,
                                Instant trialEndsAt, boolean cancelAtPeriodEnd, String tenantReference) {
    public SubscriptionState {
        Objects.requireNonNull(id);
        Objects.requireNonNull(customerId);
        Objects.requireNonNull(status);
    }

    /** Whether this subscription pays (or is about to pay) for seats: every state but ended or never started. */
    public boolean isLive() {
        return switch (status) {
            case "canceled", "incomplete_expired", "incomplete" -> false;
            default -> true;
        };
    }
}
