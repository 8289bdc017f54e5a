package io.callisto.billing;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.SubscriptionState;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * What a tenant may use, decided from its subscription as the provider reports it now. Pure: the same inputs give
 * the same decision, whatever order the provider's events arrived in.
 * <ul>
 * <li>trialing: TRIALING; active: ACTIVE (both with the paid seats, dunning cleared);</li>
 * <li>past_due (or a payment failing): PAST_DUE until the grace period ends, then SUSPENDED; once suspended it
 *     stays so until the subscription is paid up;</li>
 * <li>unpaid or paused (retries exhausted): SUSPENDED;</li>
 * <li>canceled: CANCELED, data kept for the retention period; a tenant that never paid stays PENDING_PAYMENT;</li>
 * <li>incomplete: the first payment has not gone through, nothing changes.</li>
 * </ul>
 */
public final class Entitlements {
    private final Duration gracePeriod;
    private final Duration retention;

    public Entitlements(Duration gracePeriod, Duration retention) {
        this.gracePeriod = gracePeriod;
        this.retention = retention;
    }

    /** A tenant's status and seats, and the account's dunning dates. */
    public record Decision(TenantStatus status, int seats, Instant graceEndsAt, Instant retainedUntil) {
    }

    public Decision decide(Tenant tenant, BillingAccount account, SubscriptionState s, boolean paymentFailing,
                           Instant now) {
        String status = s.status();
        if (paymentFailing && ("active".equals(status) || "trialing".equals(status))) {
            status = "past_due";
        }
        return switch (status) {
            case "trialing" -> new Decision(TenantStatus.TRIALING, s.quantity(), null, null);
            case "active" -> new Decision(TenantStatus.ACTIVE, s.quantity(), null, null);
            case "past_due" -> pastDue(tenant, account, s, now);
            case "unpaid", "paused" -> new Decision(TenantStatus.SUSPENDED, s.quantity(), null, null);
            case "canceled", "incomplete_expired" -> ended(tenant, account, now);
            default -> new Decision(tenant.status(), tenant.seatsLeased(), account.graceEndsAt(),
                    account.retainedUntil());
        };
    }

    private Decision pastDue(Tenant tenant, BillingAccount account, SubscriptionState s, Instant now) {
        if (tenant.status() == TenantStatus.SUSPENDED) {
            return new Decision(TenantStatus.SUSPENDED, s.quantity(), null, null);
        }
        Instant grace = account.graceEndsAt() != null ? account.graceEndsAt() : now.plus(gracePeriod);
        if (!grace.isAfter(now)) {
            return new Decision(TenantStatus.SUSPENDED, s.quantity(), null, null);
        }
        return new Decision(TenantStatus.PAST_DUE, s.quantity(), grace, null);
    }

    private Decision ended(Tenant tenant, BillingAccount account, Instant now) {
        if (tenant.status() == TenantStatus.PENDING_PAYMENT) {
            return new Decision(TenantStatus.PENDING_PAYMENT, tenant.seatsLeased(), null, null);
        }
        Instant until = account.retainedUntil() != null ? account.retainedUntil() : now.plus(retention);
        return new Decision(TenantStatus.CANCELED, tenant.seatsLeased(), null, until);
    }

    /** The decision when the grace period ran out with no payment. */
    public static Decision suspended(Tenant tenant) {
        return new Decision(TenantStatus.SUSPENDED, tenant.seatsLeased(), null, null);
    }
}
