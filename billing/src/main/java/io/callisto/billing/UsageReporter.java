package io.callisto.billing;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.UsageLedger;
import io.callisto.core.billing.UsageLedger.Pending;
import io.callisto.core.ids.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Drains the usage ledger to the provider's meter: each call once, identified by its id (the provider drops a
 * second event with the same identifier). A failure leaves the call in the ledger for a later attempt, backing off
 * from 5 seconds to an hour; usage older than the provider accepts (35 days) is kept but no longer sent.
 */
final class UsageReporter {
    static final Duration MAX_AGE = Duration.ofDays(35).minusHours(1);
    static final int BATCH = 200;
    private static final System.Logger LOG = System.getLogger(UsageReporter.class.getName());
    private final BillingStores stores;
    private final PaymentProvider provider;
    private final String meterEventName;
    private final Clock clock;

    UsageReporter(BillingStores stores, PaymentProvider provider, String meterEventName, Clock clock) {
        this.stores = stores;
        this.provider = provider;
        this.meterEventName = meterEventName;
        this.clock = clock;
    }

    /** Counts of one pass. */
    record Pass(int reported, int failed, int abandoned) {
    }

    Pass runOnce() {
        int reported = 0;
        int failed = 0;
        int abandoned = 0;
        Instant now = clock.instant();
        UsageLedger ledger = stores.usage();
        for (Pending p : ledger.due(now, BATCH)) {
            TenantId tenant = p.tenant();
            String callId = p.usage().callId();
            Optional<BillingAccount> account = stores.tx().inTenant(tenant, () -> stores.accounts().find(tenant));
            if (account.isEmpty() || p.usage().endedAt().isBefore(now.minus(MAX_AGE))) {
                String why = account.isEmpty() ? "the tenant has no billing account" : "older than the meter accepts";
                stores.tx().runInTenant(tenant, () -> ledger.markAbandoned(tenant, callId, why));
                abandoned++;
                continue;
            }
            try {
                provider.reportUsage(account.get().customerId(), p.usage(), meterEventName);
                stores.tx().runInTenant(tenant, () -> ledger.markReported(tenant, callId, clock.instant()));
                reported++;
            } catch (ProviderException e) {
                int attempts = p.attempts() + 1;
                Instant next = now.plus(backoff(attempts));
                String error = e.getMessage() == null ? "provider error" : e.getMessage();
                stores.tx().runInTenant(tenant, () -> ledger.markRetry(tenant, callId, attempts, next,
                        error.length() > 1000 ? error.substring(0, 1000) : error));
                failed++;
                if (e.isTransient()) {
                    // the provider is down: the rest of the batch would fail the same way
                    break;
                }
                LOG.log(System.Logger.Level.WARNING, "usage of call {0} refused by the provider: {1}", callId, error);
            }
        }
        return new Pass(reported, failed, abandoned);
    }

    static Duration backoff(int attempts) {
        long seconds = 5L << Math.min(attempts - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }
}
