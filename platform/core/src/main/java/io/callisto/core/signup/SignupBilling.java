package io.callisto.core.signup;

import io.callisto.core.tenant.Tenant;

/**
 * Port: what billing does when a business signs up. Disabled billing makes new tenants ACTIVE at once
 * with the seats they asked for; enabled billing keeps them PENDING_PAYMENT and returns a checkout URL.
 */
public interface SignupBilling {
    boolean enabled();

    /** Starts payment for a stored tenant's {@code seats} seats and returns the URL the browser should follow. */
    String startCheckout(Tenant tenant, String adminEmail, int seats);
}
