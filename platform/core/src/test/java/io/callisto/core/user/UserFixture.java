package io.callisto.core.user;

import io.callisto.core.auth.Caller;
import io.callisto.core.auth.RefreshToken;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.testing.FakePasswordHasher;
import io.callisto.core.testing.InMemoryStore;
import io.callisto.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** A UserService over the in-memory store, with a tenant of an admin, a supervisor and an agent. */
final class UserFixture {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String PASSWORD = "Correct-Horse-9";

    final InMemoryStore store = new InMemoryStore();
    final MutableClock clock = new MutableClock(NOW);
    final UserService service = new UserService(store, store.users(), store.refreshTokens(), new FakePasswordHasher(),
            clock);
    final TenantId tenant = TenantId.generate();
    final TenantId otherTenant = TenantId.generate();
    final User admin = insert(tenant, "admin@acme.test", Role.ADMIN);
    final User supervisor = insert(tenant, "sue@acme.test", Role.SUPERVISOR);
    final User agent = insert(tenant, "alvaro@acme.test", Role.AGENT);
    final User foreigner = insert(otherTenant, "fred@other.test", Role.ADMIN);

    User insert(TenantId in, String email, Role... roles) {
        User user = new User(in, UserId.generate(), email, "Name of " + email, "hash:" + PASSWORD, Set.of(roles),
                NOW, NOW);
        store.runInTenant(in, () -> store.users().insert(in, user));
        return user;
    }

    static Caller callerOf(User user) {
        return new Caller(user.tenantId(), user.id().value(), Caller.Kind.USER, user.roles());
    }

    User stored(User user) {
        return store.users().find(user.tenantId(), user.id()).orElseThrow();
    }

    boolean exists(User user) {
        return store.users().find(user.tenantId(), user.id()).isPresent();
    }

    /** Stores a live refresh token of the user and returns its id. */
    String refreshTokenOf(User user) {
        String id = Ids.next('r');
        store.refreshTokens().insert(user.tenantId(), new RefreshToken(user.tenantId(), id, user.id(), Ids.next('f'),
                "hash-" + id, NOW, NOW.plus(Duration.ofDays(30)), null));
        return id;
    }

    Instant revokedAt(User user, String tokenId) {
        return store.refreshTokens().find(user.tenantId(), tokenId).orElseThrow().revokedAt();
    }
}
