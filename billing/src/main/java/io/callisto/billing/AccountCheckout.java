package io.callisto.billing;

import io.callisto.core.billing.BillingAccount;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantStatus;
import java.time.Clock;

/**
 * Starts payment for a tenant: its customer at the provider (created once, keyed by the tenant) and a hosted
 * checkout for its seats. Used at sign-up, and again when an admin resumes a payment left unfinished.
 */
final class AccountCheckout {
    private final BillingStores stores;
    private final PaymentProvider provider;
    private final BillingConfig config;
    private final Clock clock;

    AccountCheckout(BillingStores stores, PaymentProvider provider, BillingConfig config, Clock clock) {
        this.stores = stores;
        this.provider = provider;
        this.config = config;
        this.clock = clock;
    }

    /** Returns the checkout URL for {@code seats} seats. */
    String start(Tenant tenant, String adminEmail, int seats) {
        TenantId id = tenant.id();
        BillingAccount account = stores.tx().inTenant(id, () -> stores.accounts().find(id)).orElse(null);
        if (account == null) {
            // The key is the tenant: a retry after a failure creates no second customer.
            String customer = provider.createCustomer(id, tenant.companyName(), adminEmail, "customer:" + id.value());
            account = BillingAccount.opened(id, customer, clock.instant());
            BillingAccount opened = account;
            stores.tx().runInTenant(id, () -> stores.accounts().insert(opened));
        }
        BillingAccount current = account;
        BillingAccount started = stores.tx().inTenant(id, () -> {
            stores.tx().lockTenant(id);
            BillingAccount fresh = stores.accounts().find(id).orElse(current).withCheckoutStarted(clock.instant());
            stores.accounts().update(fresh);
            return fresh;
        });
        String base = config.publicUrl().toString();
        PaymentProvider.CheckoutRequest request = new PaymentProvider.CheckoutRequest(id, started.customerId(),
                config.seatPriceId(), seats, config.trialDays(),
                base + "/signup/success?session_id={CHECKOUT_SESSION_ID}", base + "/signup/canceled");
        return provider.startCheckout(request, "checkout:" + id.value() + ":" + started.checkoutAttempts()).url();
    }

    /** An admin finishing a payment left unfinished at sign-up. */
    String resume(Tenant tenant, String adminEmail, int seats) {
        if (tenant.status() != TenantStatus.PENDING_PAYMENT) {
            throw Errors.conflict("not-pending-payment", "the account is " + tenant.status().name().toLowerCase(
                    java.util.Locale.ROOT).replace('_', ' ') + "; manage its subscription in the customer portal");
        }
        return start(tenant, adminEmail, seats);
    }
}
