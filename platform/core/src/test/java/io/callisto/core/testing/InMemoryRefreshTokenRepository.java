package io.callisto.core.testing;

import io.callisto.core.auth.RefreshToken;
import io.callisto.core.auth.RefreshTokenRepository;
import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** RefreshTokenRepository over the in-memory store. */
public final class InMemoryRefreshTokenRepository implements RefreshTokenRepository {
    private final InMemoryStore store;

    InMemoryRefreshTokenRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(TenantId tenant, RefreshToken token) {
        store.access(tenant, () -> store.refreshTokens.put(InMemoryStore.key(tenant, token.id()), token));
    }

    @Override
    public Optional<RefreshToken> find(TenantId tenant, String id) {
        return store.access(tenant, () -> Optional.ofNullable(store.refreshTokens.get(InMemoryStore.key(tenant, id))));
    }

    @Override
    public boolean revoke(TenantId tenant, String id, Instant at) {
        return revokeWhere(tenant, t -> t.id().equals(id), at) == 1;
    }

    @Override
    public int revokeFamily(TenantId tenant, String familyId, Instant at) {
        return revokeWhere(tenant, t -> t.familyId().equals(familyId), at);
    }

    @Override
    public int revokeAllOfUser(TenantId tenant, UserId user, Instant at) {
        return revokeWhere(tenant, t -> t.userId().equals(user), at);
    }

    @Override
    public int deleteExpired(TenantId tenant, Instant before) {
        return store.access(tenant, () -> {
            List<String> expired = store.refreshTokens.entrySet().stream()
                    .filter(e -> e.getValue().tenantId().equals(tenant) && e.getValue().expiresAt().isBefore(before))
                    .map(java.util.Map.Entry::getKey).toList();
            expired.forEach(store.refreshTokens::remove);
            return expired.size();
        });
    }

    private int revokeWhere(TenantId tenant, Predicate<RefreshToken> which, Instant at) {
        return store.access(tenant, () -> {
            List<RefreshToken> live = store.refreshTokens.values().stream()
                    .filter(t -> t.tenantId().equals(tenant) && !t.isRevoked() && which.test(t)).toList();
            live.forEach(t -> store.refreshTokens.put(InMemoryStore.key(tenant, t.id()), new RefreshToken(t.tenantId(),
                    t.id(), t.userId(), t.familyId(), t.tokenHash(), t.createdAt(), t.expiresAt(), at)));
            return live.size();
        });
    }
}
