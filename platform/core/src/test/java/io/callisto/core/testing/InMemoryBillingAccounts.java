package io.callisto.core.testing;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.BillingAccountRepository;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** BillingAccountRepository over the in-memory store. */
public final class InMemoryBillingAccounts implements BillingAccountRepository {
    private final InMemoryStore store;

    InMemoryBillingAccounts(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(BillingAccount account) {
        store.access(account.tenantId(), () -> {
            boolean customerUsed = store.billingAccounts.values().stream()
                    .anyMatch(a -> a.customerId().equals(account.customerId()));
            if (customerUsed || store.billingAccounts.containsKey(account.tenantId())) {
                throw Errors.conflict("duplicate-billing-account", "the tenant or the customer already has an account");
            }
            store.billingAccounts.put(account.tenantId(), account);
            return null;
        });
    }

    @Override
    public Optional<BillingAccount> find(TenantId tenant) {
        return store.access(tenant, () -> Optional.ofNullable(store.billingAccounts.get(tenant)));
    }

    @Override
    public boolean update(BillingAccount account) {
        return store.access(account.tenantId(),
                () -> store.billingAccounts.replace(account.tenantId(), account) != null);
    }

    @Override
    public Optional<TenantId> tenantOfCustomer(String customerId) {
        return store.access(null, () -> store.billingAccounts.values().stream()
                .filter(a -> a.customerId().equals(customerId)).map(BillingAccount::tenantId).findFirst());
    }

    @Override
    public List<TenantId> graceEnded(Instant now, int limit) {
        return select(a -> a.graceEndsAt() != null && !a.graceEndsAt().isAfter(now),
                Comparator.comparing(BillingAccount::graceEndsAt), limit);
    }

    @Override
    public List<TenantId> retentionEnded(Instant now, int limit) {
        return select(a -> a.retainedUntil() != null && !a.retainedUntil().isAfter(now),
                Comparator.comparing(BillingAccount::retainedUntil), limit);
    }

    @Override
    public List<TenantId> withSubscription(TenantId after, int limit) {
        return select(a -> a.hasSubscription() && (after == null || a.tenantId().value().compareTo(after.value()) > 0),
                Comparator.comparing(a -> a.tenantId().value()), limit);
    }

    private List<TenantId> select(Predicate<BillingAccount> filter, Comparator<BillingAccount> order, int limit) {
        return store.access(null, () -> store.billingAccounts.values().stream().filter(filter).sorted(order)
                .limit(limit).map(BillingAccount::tenantId).toList());
    }
}
