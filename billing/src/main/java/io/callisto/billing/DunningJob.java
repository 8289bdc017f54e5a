package io.callisto.billing;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The time-driven half of dunning: a past-due tenant whose grace period ended is suspended (agents are logged
 * out of seats, inbound work is refused), and a canceled tenant whose retention ended is deleted.
 */
final class DunningJob {
    static final int BATCH = 100;
    private static final System.Logger LOG = System.getLogger(DunningJob.class.getName());
    private final BillingStores stores;
    private final SubscriptionProvisioner provisioner;
    private final Clock clock;

    DunningJob(BillingStores stores, SubscriptionProvisioner provisioner, Clock clock) {
        this.stores = stores;
        this.provisioner = provisioner;
        this.clock = clock;
    }

    /** Counts of one pass. */
    record Pass(int suspended, int deleted) {
    }

    Pass runOnce() {
        Instant now = clock.instant();
        int suspended = 0;
        for (TenantId tenant : stores.accounts().graceEnded(now, BATCH)) {
            if (suspend(tenant, now)) {
                suspended++;
            }
        }
        int deleted = 0;
        List<TenantId> expired = stores.accounts().retentionEnded(now, BATCH);
        for (TenantId tenant : expired) {
            // Canceled, so the ACD already lets none of its agents work; its rows and its routing state go now.
            stores.purge().purge(tenant);
            stores.acd().forget(tenant);
            LOG.log(System.Logger.Level.INFO, "tenant {0} deleted: canceled and its retention period is over", tenant);
            deleted++;
        }
        return new Pass(suspended, deleted);
    }

    private boolean suspend(TenantId tenantId, Instant now) {
        try {
            return stores.tx().inTenant(tenantId, () -> {
                stores.tx().lockTenant(tenantId);
                BillingAccount account = stores.accounts().find(tenantId).orElse(null);
                Tenant tenant = stores.tenants().find(tenantId).orElse(null);
                if (account == null || tenant == null || account.graceEndsAt() == null
                        || account.graceEndsAt().isAfter(now)) {
                    return false;
                }
                stores.accounts().update(account.withDunning(null, account.retainedUntil(), now));
                if (tenant.status() != TenantStatus.PAST_DUE) {
                    return false;
                }
                provisioner.grant(tenant, Entitlements.suspended(tenant), now);
                LOG.log(System.Logger.Level.INFO, "tenant {0} suspended: its grace period ended unpaid", tenantId);
                return true;
            });
        } catch (RuntimeException e) {
            provisioner.compensate(tenantId);
            throw e;
        }
    }
}
