package io.callisto.core.auth;

import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantStatus;
import io.callisto.core.testing.FakePasswordHasher;
import io.callisto.core.testing.InMemoryStore;
import io.callisto.core.testing.MutableClock;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** An AuthService and ApiKeyService over the in-memory store, a movable clock and fast fakes. */
final class AuthFixture {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Duration REFRESH_TTL = Duration.ofDays(30);
    static final ThrottlePolicy POLICY = new ThrottlePolicy(3, Duration.ofMinutes(10), Duration.ofMinutes(5));

    final InMemoryStore store = new InMemoryStore();
    final MutableClock clock = new MutableClock(NOW);
    final FakePasswordHasher hasher = new FakePasswordHasher();
    final FakeAccessTokens accessTokens = new FakeAccessTokens();
    final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(POLICY, clock);
    final AuthService auth = new AuthService(new AuthDependencies(store, store.tenants(), store.users(),
            store.refreshTokens(), store.apiKeys(), hasher, accessTokens, throttle, clock), REFRESH_TTL);
    final ApiKeyService apiKeys = new ApiKeyService(store, store.apiKeys(), clock);

    TenantId tenant(TenantStatus status) {
        Tenant tenant = new Tenant(TenantId.generate(), "Acme", status, 5, "standard", NOW, NOW);
        store.runInTenant(tenant.id(), () -> store.tenants().insert(tenant));
        return tenant.id();
    }

    void setStatus(TenantId id, TenantStatus status) {
        Tenant current = store.tenants().find(id).orElseThrow();
        store.runInTenant(id, () -> store.tenants().update(current.withStatus(status, clock.instant())));
    }

    User user(TenantId tenant, String email, String password, Role... roles) {
        User user = new User(tenant, UserId.generate(), email, "Someone", hasher.hash(password), Set.of(roles),
                NOW, NOW);
        store.runInTenant(tenant, () -> store.users().insert(tenant, user));
        return user;
    }

    static Caller callerOf(User user) {
        return new Caller(user.tenantId(), user.id().value(), Caller.Kind.USER, user.roles());
    }

    /** The stored record of a presented refresh token. */
    RefreshToken stored(String refreshToken) {
        SecretToken token = SecretToken.parse(AuthService.REFRESH_KIND, refreshToken).orElseThrow();
        return store.refreshTokens().find(token.tenantId(), token.id()).orElseThrow();
    }

    /** The token with its last secret character changed: same shape, wrong hash. */
    static String tampered(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
