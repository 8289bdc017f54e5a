package io.callisto.billing;

import io.callisto.core.signup.SignupBilling;
import io.callisto.core.tenant.Tenant;

/**
 * Sign-up with billing enabled: the tenant stays PENDING_PAYMENT with no seats, and the browser goes to the
 * provider's hosted checkout for the seats asked for; the webhook grants them once the payment is confirmed.
 */
final class CheckoutSignupBilling implements SignupBilling {
    private final AccountCheckout checkout;

    CheckoutSignupBilling(AccountCheckout checkout) {
        this.checkout = checkout;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String startCheckout(Tenant tenant, String adminEmail, int seats) {
        return checkout.start(tenant, adminEmail, seats);
    }
}
