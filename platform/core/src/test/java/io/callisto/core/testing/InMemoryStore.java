package io.callisto.core.testing;

import io.callisto.core.auth.ApiKey;
import io.callisto.core.auth.RefreshToken;
import io.callisto.core.contract.RepositoryFixture;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.User;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * In-memory implementation of every persistence port, for unit tests of services and the HTTP layer.
 * A unit of work holds one lock and restores a snapshot when it fails, so it is atomic like the database.
 */
public final class InMemoryStore implements Transactions, RepositoryFixture {
    final Map<TenantId, Tenant> tenants = new HashMap<>();
    final Map<String, User> users = new HashMap<>();
    final Map<String, ApiKey> apiKeys = new HashMap<>();
    final Map<String, RefreshToken> refreshTokens = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<TenantId> unitTenant = new ThreadLocal<>();
    private final InMemoryTenantRepository tenantRepository = new InMemoryTenantRepository(this);
    private final InMemoryUserRepository userRepository = new InMemoryUserRepository(this);
    private final InMemoryApiKeyRepository apiKeyRepository = new InMemoryApiKeyRepository(this);
    private final InMemoryRefreshTokenRepository refreshTokenRepository = new InMemoryRefreshTokenRepository(this);

    @Override
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        TenantId current = unitTenant.get();
        if (current != null) {
            requireSameTenant(tenant);
            return work.get();
        }
        lock.lock();
        Snapshot snapshot = new Snapshot(this);
        unitTenant.set(tenant);
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            snapshot.restore(this);
            throw e;
        } finally {
            unitTenant.remove();
            lock.unlock();
        }
    }

    /** Units of work already run one at a time here; the lock only checks it is inside the right unit. */
    @Override
    public void lockTenant(TenantId tenant) {
        if (unitTenant.get() == null) {
            throw new IllegalStateException("lockTenant needs a unit of work");
        }
        requireSameTenant(tenant);
    }

    /** Runs one repository operation: inside the caller's unit of work, or atomically on its own. */
    <T> T access(TenantId tenant, Supplier<T> operation) {
        if (unitTenant.get() != null && tenant != null) {
            requireSameTenant(tenant);
        }
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    private void requireSameTenant(TenantId tenant) {
        TenantId current = unitTenant.get();
        if (!current.equals(tenant)) {
            throw new IllegalStateException("unit of work for tenant " + current + " used for tenant " + tenant);
        }
    }

    static String key(TenantId tenant, String id) {
        return tenant.value() + "/" + id;
    }

    @Override
    public Transactions transactions() {
        return this;
    }

    @Override
    public InMemoryTenantRepository tenants() {
        return tenantRepository;
    }

    @Override
    public InMemoryUserRepository users() {
        return userRepository;
    }

    @Override
    public InMemoryApiKeyRepository apiKeys() {
        return apiKeyRepository;
    }

    @Override
    public InMemoryRefreshTokenRepository refreshTokens() {
        return refreshTokenRepository;
    }

    private record Snapshot(Map<TenantId, Tenant> tenants, Map<String, User> users, Map<String, ApiKey> apiKeys,
                            Map<String, RefreshToken> refreshTokens) {
        Snapshot(InMemoryStore s) {
            this(new HashMap<>(s.tenants), new HashMap<>(s.users), new HashMap<>(s.apiKeys),
                    new HashMap<>(s.refreshTokens));
        }

        void restore(InMemoryStore s) {
            s.tenants.clear();
            s.tenants.putAll(tenants);
            s.users.clear();
            s.users.putAll(users);
            s.apiKeys.clear();
            s.apiKeys.putAll(apiKeys);
            s.refreshTokens.clear();
            s.refreshTokens.putAll(refreshTokens);
        }
    }
}
