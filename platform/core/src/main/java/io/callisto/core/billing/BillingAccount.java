package io.callisto.core.billing;

import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's account with the payment provider: its customer, the one subscription that pays for its seats,
 * and the dunning and retention dates derived from that subscription. The provider is the source of truth for
 * the subscription fields; they are a copy refreshed from it (never from a webhook's possibly stale payload).
 *
 * @param subscriptionStatus the provider's status word (trialing, active, past_due, unpaid, canceled ...)
 * @param seatQuantity       the seats the subscription pays for
 * @param graceEndsAt        while past due: when the tenant is suspended
 * @param retainedUntil      once canceled: when the tenant's data is deleted
 * @param checkoutAttempts   checkout sessions started, so each new one gets its own idempotency key
 * @param seatChanges        seat changes sent to the provider, so each gets its own idempotency key
 * @param duplicateSubscriptionId a second paid subscription that was found and not provisioned
 */
public record BillingAccount(TenantId tenantId, String customerId, String subscriptionId, String subscriptionItemId,
                             String priceId, String subscriptionStatus, int seatQuantity, Instant currentPeriodStart,
                             Instant currentPeriodEnd, Instant trialEndsAt, boolean cancelAtPeriodEnd,
                             Instant graceEndsAt, Instant retainedUntil, int checkoutAttempts, long seatChanges,
                             String duplicateSubscriptionId, Instant createdAt, Instant updatedAt) {
    public BillingAccount {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(customerId);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
        if (seatQuantity < 0 || checkoutAttempts < 0 || seatChanges < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** A new account for a customer just created at the provider. */
    public static BillingAccount opened(TenantId tenant, String customerId, Instant at) {
        return new BillingAccount(tenant, customerId, null, null, null, null, 0, null, null, null, false, null, null,
                0, 0, null, at, at);
    }

    public boolean hasSubscription() {
        return subscriptionId != null;
    }

    /** This account with the provider's current view of its subscription. */
    public BillingAccount withSubscription(SubscriptionState s, Instant at) {
        return new BillingAccount(tenantId, customerId, s.id(), s.itemId(), s.priceId(), s.status(), s.quantity(),
                s.currentPeriodStart(), s.currentPeriodEnd(), s.trialEndsAt(), s.cancelAtPeriodEnd(), graceEndsAt,
                retainedUntil, checkoutAttempts, seatChanges, duplicateSubscriptionId, createdAt, at);
    }

    public BillingAccount withDunning(Instant newGraceEndsAt, Instant newRetainedUntil, Instant at) {
        return new BillingAccount(tenantId, customerId, subscriptionId, subscriptionItemId, priceId, subscriptionStatus,
                seatQuantity, currentPeriodStart, currentPeriodEnd, trialEndsAt, cancelAtPeriodEnd, newGraceEndsAt,
                newRetainedUntil, checkoutAttempts, seatChanges, duplicateSubscriptionId, createdAt, at);
    }

    public BillingAccount withCheckoutStarted(Instant at) {
        return new BillingAccount(tenantId, customerId, subscriptionId, subscriptionItemId, priceId, subscriptionStatus,
                seatQuantity, currentPeriodStart, currentPeriodEnd, trialEndsAt, cancelAtPeriodEnd, graceEndsAt,
                retainedUntil, checkoutAttempts + 1, seatChanges, duplicateSubscriptionId, createdAt, at);
    }

    /** The seat quantity the provider confirmed for a change, counting the change. */
    public BillingAccount withSeatChange(int quantity, Instant at) {
        return new BillingAccount(tenantId, customerId, subscriptionId, subscriptionItemId, priceId, subscriptionStatus,
                quantity, currentPeriodStart, currentPeriodEnd, trialEndsAt, cancelAtPeriodEnd, graceEndsAt,
                retainedUntil, checkoutAttempts, seatChanges + 1, duplicateSubscriptionId, createdAt, at);
    }

    public BillingAccount withDuplicate(String otherSubscriptionId, Instant at) {
        return new BillingAccount(tenantId, customerId, subscriptionId, subscriptionItemId, priceId, subscriptionStatus,
                seatQuantity, currentPeriodStart, currentPeriodEnd, trialEndsAt, cancelAtPeriodEnd, graceEndsAt,
                retainedUntil, checkoutAttempts, seatChanges, otherSubscriptionId, createdAt, at);
    }
}
