package io.callisto.billing;

import io.callisto.core.acd.AcdCommand;
import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.SubscriptionState;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Applies a subscription, as the provider reports it now, to its tenant: the account's copy, the tenant's status
 * and seats, and the seats the ACD lets agents use. Runs inside the tenant's unit of work (the caller's), under
 * the tenant's lock; the caller puts the ACD back if the unit fails (see {@link #compensate}).
 * A second live subscription for a tenant that already has one is never provisioned: it is canceled at the
 * provider and recorded on the account, so the tenant is not charged twice for the same seats.
 */
final class SubscriptionProvisioner {
    private static final System.Logger LOG = System.getLogger(SubscriptionProvisioner.class.getName());
    private final BillingStores stores;
    private final PaymentProvider provider;
    private final Entitlements entitlements;
    private final Clock clock;

    SubscriptionProvisioner(BillingStores stores, PaymentProvider provider, Entitlements entitlements, Clock clock) {
        this.stores = stores;
        this.provider = provider;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    /** Inside the tenant's unit: applies the subscription; returns what it did, for the inbox and the logs. */
    String apply(TenantId tenantId, SubscriptionState s, boolean paymentFailing) {
        stores.tx().lockTenant(tenantId);
        Instant now = clock.instant();
        BillingAccount account = stores.accounts().find(tenantId)
                .orElseThrow(() -> Errors.notFound("billing account"));
        if (!account.customerId().equals(s.customerId())) {
            return "ignored: subscription of another customer";
        }
        if (account.hasSubscription() && !account.subscriptionId().equals(s.id())) {
            if (!s.isLive()) {
                return "ignored: " + s.status() + " subscription " + s.id() + " is not the tenant's";
            }
            if (currentIsLive(account)) {
                stores.accounts().update(account.withDuplicate(s.id(), now));
                provider.cancelNow(s.id(), "cancel-duplicate:" + s.id());
                LOG.log(System.Logger.Level.WARNING, "tenant {0} paid a second subscription {1}; canceled it, "
                        + "keeping {2}", tenantId, s.id(), account.subscriptionId());
                return "duplicate subscription " + s.id() + " canceled";
            }
        }
        Tenant tenant = stores.tenants().find(tenantId).orElseThrow(() -> Errors.notFound("tenant"));
        BillingAccount synced = account.withSubscription(s, now);
        Entitlements.Decision decision = entitlements.decide(tenant, synced, s, paymentFailing, now);
        stores.accounts().update(synced.withDunning(decision.graceEndsAt(), decision.retainedUntil(), now));
        return grant(tenant, decision, now);
    }

    /** Inside the tenant's unit: stores the decided status and seats and gives the ACD the seats agents may use. */
    String grant(Tenant tenant, Entitlements.Decision decision, Instant now) {
        Tenant changed = tenant.withStatus(decision.status(), now).withSeatsLeased(decision.seats(), now);
        if (tenant.status() != changed.status() || tenant.seatsLeased() != changed.seatsLeased()) {
            stores.tenants().update(changed);
        }
        stores.acd().execute(tenant.id(), new AcdCommand.SetSeats(changed.workingSeats(), true));
        return changed.status().name().toLowerCase(Locale.ROOT) + " with " + changed.seatsLeased() + " seats";
    }

    private boolean currentIsLive(BillingAccount account) {
        // The stored status may be stale; the provider's word decides whether the first subscription still pays.
        return provider.subscription(account.subscriptionId()).map(SubscriptionState::isLive).orElse(false);
    }

    /** After a unit that changed the ACD failed: puts the stored seats back into the ACD. */
    void compensate(TenantId tenant) {
        stores.acd().restoreSeats(tenant);
    }
}
