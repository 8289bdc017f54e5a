package io.callisto.billing;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.SeatBilling;
import io.callisto.core.billing.SubscriptionState;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import java.time.Clock;

/**
 * An admin's seat change, billed: the subscription's seat quantity changes at the provider with prorations on
 * the next invoice. Runs inside SeatService's locked unit of work. The idempotency key names the tenant, the how
 * many-th change this is and the quantity: a retry of a change whose commit failed sends the same key and is
 * answered from the provider's record instead of being applied twice.
 */
final class ProviderSeatBilling implements SeatBilling {
    private final BillingStores stores;
    private final PaymentProvider provider;
    private final Clock clock;

    ProviderSeatBilling(BillingStores stores, PaymentProvider provider, Clock clock) {
        this.stores = stores;
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    public void leaseChanging(TenantId tenant, int seats) {
        BillingAccount account = stores.accounts().find(tenant).filter(BillingAccount::hasSubscription)
                .orElseThrow(() -> Errors.conflict("no-subscription",
                        "the account has no subscription yet; complete the payment first"));
        if (!stores.tenants().find(tenant).map(t -> t.status().agentsMayWork()).orElse(false)) {
            throw Errors.conflict("account-not-active",
                    "seats can change while the account is active; pay the open invoice in the customer portal first");
        }
        if (seats < 1) {
            throw Errors.invalid("invalid-seats", "a subscription pays for at least one seat; cancel it in the "
                    + "customer portal instead");
        }
        if (seats == account.seatQuantity()) {
            return;
        }
        long change = account.seatChanges() + 1;
        SubscriptionState changed = provider.setSeats(account.subscriptionId(), account.subscriptionItemId(), seats,
                "seats:" + tenant.value() + ":" + change + ":" + seats);
        stores.accounts().update(account.withSubscription(changed, clock.instant())
                .withSeatChange(changed.quantity(), clock.instant()));
    }
}
