package io.callisto.billing;

import io.callisto.core.signup.SignupBilling;
import java.util.function.Function;

/**
 * Chooses the billing implementation from configuration (STRIPE_API_KEY and friends). Stripe billing is
 * built by its own issue; until then a configured key is refused loudly rather than silently ignored.
 */
public final class BillingSettings {
    private BillingSettings() {
    }

    public static SignupBilling fromSettings(Function<String, String> settings) {
        String key = settings.apply("STRIPE_API_KEY");
        if (key == null || key.isBlank()) {
            return new DisabledBilling();
        }
        throw new IllegalStateException("STRIPE_API_KEY is set, but this build has no Stripe billing yet; "
                + "unset it to run with billing disabled");
    }
}
