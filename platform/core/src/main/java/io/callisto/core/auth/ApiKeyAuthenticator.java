package io.callisto.core.auth;

import io.callisto.core.error.Errors;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantRepository;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;

/** Resolves a presented API key to its tenant's caller; the key's tenant scopes the lookup. */
final class ApiKeyAuthenticator {
    static final String KIND = "ck";

    private final Transactions tx;
    private final ApiKeyRepository keys;
    private final TenantRepository tenants;

    ApiKeyAuthenticator(Transactions tx, ApiKeyRepository keys, TenantRepository tenants) {
        this.tx = tx;
        this.keys = keys;
        this.tenants = tenants;
    }

    Caller authenticate(String presented) {
        SecretToken token = SecretToken.parse(KIND, presented)
                .orElseThrow(ApiKeyAuthenticator::invalid);
        return tx.inTenant(token.tenantId(), () -> {
            ApiKey key = keys.find(token.tenantId(), token.id())
                    .filter(k -> token.matchesHash(k.keyHash()))
                    .orElseThrow(ApiKeyAuthenticator::invalid);
            Tenant tenant = tenants.find(token.tenantId()).orElseThrow(ApiKeyAuthenticator::invalid);
            if (!tenant.status().adminsMaySignIn()) {
                throw Errors.forbidden("tenant-canceled", "this account has been canceled");
            }
            // The same rule as for people: while agents may not work, only admin keys act.
            if (!tenant.status().agentsMayWork() && !key.roles().contains(Role.ADMIN)) {
                throw Errors.forbidden("tenant-suspended", "this account is " + tenant.status().name().toLowerCase(
                        java.util.Locale.ROOT) + "; only admin keys may be used");
            }
            return new Caller(key.tenantId(), key.id(), Caller.Kind.API_KEY, key.roles());
        });
    }

    private static RuntimeException invalid() {
        return Errors.unauthenticated("invalid-api-key", "API key is invalid or revoked");
    }
}
