package io.callisto.core.contract;

import io.callisto.core.auth.ApiKeyRepository;
import io.callisto.core.auth.RefreshTokenRepository;
import io.callisto.core.tenant.TenantRepository;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.UserRepository;

/** One implementation of the persistence ports, as the contract tests see it. */
public interface RepositoryFixture extends AutoCloseable {
    Transactions transactions();

    TenantRepository tenants();

    UserRepository users();

    ApiKeyRepository apiKeys();

    RefreshTokenRepository refreshTokens();

    @Override
    default void close() {
    }
}
