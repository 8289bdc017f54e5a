package io.callisto.persistence;

import io.callisto.core.auth.ApiKeyRepository;
import io.callisto.core.auth.RefreshTokenRepository;
import io.callisto.core.contract.RepositoryFixture;
import io.callisto.core.tenant.TenantRepository;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.UserRepository;

/** The contracts' view of a started JpaPersistence. The database outlives the fixture: tests use fresh tenants. */
record JpaFixture(JpaPersistence db) implements RepositoryFixture {
    @Override
    public Transactions transactions() {
        return db.transactions();
    }

    @Override
    public TenantRepository tenants() {
        return db.tenants();
    }

    @Override
    public UserRepository users() {
        return db.users();
    }

    @Override
    public ApiKeyRepository apiKeys() {
        return db.apiKeys();
    }

    @Override
    public RefreshTokenRepository refreshTokens() {
        return db.refreshTokens();
    }
}
