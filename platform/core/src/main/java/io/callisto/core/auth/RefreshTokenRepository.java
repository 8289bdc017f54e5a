package io.callisto.core.auth;

import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import java.time.Instant;
import java.util.Optional;

/** Port: stored refresh tokens. */
public interface RefreshTokenRepository {
    void insert(TenantId tenant, RefreshToken token);

    Optional<RefreshToken> find(TenantId tenant, String id);

    /** Revokes one token if it is not revoked yet; true when this call revoked it. */
    boolean revoke(TenantId tenant, String id, Instant at);

    /** Revokes every live token of a family (reuse detected); returns how many. */
    int revokeFamily(TenantId tenant, String familyId, Instant at);

    /** Revokes every live token of a user (password change, deletion); returns how many. */
    int revokeAllOfUser(TenantId tenant, UserId user, Instant at);

    /** Deletes tokens that expired before the given time; returns how many. */
    int deleteExpired(TenantId tenant, Instant before);
}
