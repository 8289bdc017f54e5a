package io.callisto.core.signup;

import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.tenant.TenantStatus;

/** The new tenant and admin; checkoutUrl is set only when billing is enabled. */
public record SignupResult(TenantId tenantId, UserId adminUserId, TenantStatus status, String checkoutUrl) {
}
