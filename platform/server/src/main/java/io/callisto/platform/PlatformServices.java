package io.callisto.platform;

import io.callisto.core.auth.ApiKeyService;
import io.callisto.core.auth.AuthService;
import io.callisto.core.signup.SignupService;
import io.callisto.core.tenant.TenantService;
import io.callisto.core.user.UserService;

/** The core services the platform's own endpoints call; built by the composition root. */
public record PlatformServices(AuthService auth, SignupService signups, UserService users, TenantService tenants,
                               ApiKeyService apiKeys) {
}
