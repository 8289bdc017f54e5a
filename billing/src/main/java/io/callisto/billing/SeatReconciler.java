package io.callisto.billing;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.SubscriptionState;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.Tenant;
import java.util.List;
import java.util.Optional;

/**
 * Compares every subscription at the provider with our copy and the tenant's seats, and repairs drift by applying
 * the provider's current state (the source of truth for what is paid): a seat change whose commit failed after
 * the provider took it, a webhook lost for good, an edit made in the provider's dashboard.
 */
final class SeatReconciler {
    static final int PAGE = 100;
    private static final System.Logger LOG = System.getLogger(SeatReconciler.class.getName());
    private final BillingStores stores;
    private final PaymentProvider provider;
    private final SubscriptionProvisioner provisioner;

    SeatReconciler(BillingStores stores, PaymentProvider provider, SubscriptionProvisioner provisioner) {
        this.stores = stores;
        this.provider = provider;
        this.provisioner = provisioner;
    }

    /** Counts of one pass: accounts checked and accounts repaired. */
    record Pass(int checked, int repaired) {
    }

    Pass runOnce() {
        int checked = 0;
        int repaired = 0;
        TenantId after = null;
        List<TenantId> page;
        do {
            page = stores.accounts().withSubscription(after, PAGE);
            for (TenantId tenant : page) {
                checked++;
                if (reconcile(tenant)) {
                    repaired++;
                }
            }
            after = page.isEmpty() ? null : page.getLast();
        } while (page.size() == PAGE);
        return new Pass(checked, repaired);
    }

    private boolean reconcile(TenantId tenantId) {
        Optional<BillingAccount> account = stores.tx().inTenant(tenantId, () -> stores.accounts().find(tenantId));
        if (account.isEmpty() || !account.get().hasSubscription()) {
            return false;
        }
        Optional<SubscriptionState> current = provider.subscription(account.get().subscriptionId());
        if (current.isEmpty()) {
            return false;
        }
        SubscriptionState s = current.get();
        try {
            return stores.tx().inTenant(tenantId, () -> {
                Tenant before = stores.tenants().find(tenantId).orElseThrow();
                BillingAccount stored = stores.accounts().find(tenantId).orElseThrow();
                boolean drift = stored.seatQuantity() != s.quantity() || before.seatsLeased() != s.quantity() && s.isLive()
                        || !s.status().equals(stored.subscriptionStatus());
                if (!drift) {
                    return false;
                }
                String outcome = provisioner.apply(tenantId, s, false);
                LOG.log(System.Logger.Level.WARNING, "tenant {0} drifted from its subscription {1} (seats {2} here, {3} "
                        + "paid); repaired: {4}", tenantId, s.id(), before.seatsLeased(), s.quantity(), outcome);
                return true;
            });
        } catch (RuntimeException e) {
            provisioner.compensate(tenantId);
            throw e;
        }
    }
}
