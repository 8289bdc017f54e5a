package io.callisto.billing;

import io.callisto.core.signup.SignupBilling;
import io.callisto.core.tenant.Tenant;

/**
 * Billing when no Stripe key is configured: tenants are ACTIVE at sign-up with the seats they asked for,
 * and an operator (or an admin, through the seats API) sets leases directly.
 */
public final class DisabledBilling implements SignupBilling {
    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public String startCheckout(Tenant tenant, String adminEmail, int seats) {
        throw new IllegalStateException("billing is disabled: there is no checkout to start");
    }
}
