package io.callisto.core.auth;

import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored refresh token. Each use rotates it: the old one is revoked and a new one issued in the
 * same family; presenting a revoked one means it was stolen or replayed, and the family is revoked.
 */
public record RefreshToken(TenantId tenantId, String id, UserId userId, String familyId, String tokenHash,
                           Instant createdAt, Instant expiresAt, Instant revokedAt) {
    public RefreshToken {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(id);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(familyId);
        Objects.requireNonNull(tokenHash);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(expiresAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
