package io.callisto.core.auth;

import io.callisto.core.tenant.TenantRepository;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.UserRepository;
import java.time.Clock;

/** The ports AuthService works through, gathered so the constructor stays readable. */
public record AuthDependencies(Transactions tx, TenantRepository tenants, UserRepository users,
                               RefreshTokenRepository refreshTokens, ApiKeyRepository apiKeys,
                               PasswordHasher hasher, AccessTokens accessTokens, LoginThrottle throttle,
                               Clock clock) {
}
