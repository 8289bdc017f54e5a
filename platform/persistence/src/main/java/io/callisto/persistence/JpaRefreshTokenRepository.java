package io.callisto.persistence;

import io.callisto.core.auth.RefreshToken;
import io.callisto.core.auth.RefreshTokenRepository;
import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * RefreshTokenRepository on JPA. Revocation is a conditional bulk UPDATE ({@code ... and revokedAt is
 * null}): the row lock makes it single-use, so of two concurrent refreshes with one token exactly one
 * revokes it and the other is detected as a replay. EclipseLink adds the tenant to bulk statements too.
 */
final class JpaRefreshTokenRepository implements RefreshTokenRepository {
    private final JpaTransactions tx;

    JpaRefreshTokenRepository(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(TenantId tenant, RefreshToken token) {
        if (!token.tenantId().equals(tenant)) {
            throw new IllegalStateException("refresh token of tenant " + token.tenantId() + " stored under " + tenant);
        }
        tx.tenant(tenant, em -> {
            try {
                em.persist(new RefreshTokenEntity(token));
                em.flush();
            } catch (PersistenceException e) {
                throw Violations.translate(e);
            }
            return null;
        });
    }

    @Override
    public Optional<RefreshToken> find(TenantId tenant, String id) {
        return tx.tenant(tenant, em -> Optional.ofNullable(em.find(RefreshTokenEntity.class, id))
                .map(t -> t.toRefreshToken(tenant)));
    }

    @Override
    public boolean revoke(TenantId tenant, String id, Instant at) {
        return bulk(tenant, em -> em.createQuery("update RefreshTokenEntity t set t.revokedAt = :at"
                        + " where t.id = :id and t.revokedAt is null")
                .setParameter("id", id)
                .setParameter("at", at)) == 1;
    }

    @Override
    public int revokeFamily(TenantId tenant, String familyId, Instant at) {
        return bulk(tenant, em -> em.createQuery("update RefreshTokenEntity t set t.revokedAt = :at"
                        + " where t.familyId = :family and t.revokedAt is null")
                .setParameter("family", familyId)
                .setParameter("at", at));
    }

    @Override
    public int revokeAllOfUser(TenantId tenant, UserId user, Instant at) {
        return bulk(tenant, em -> em.createQuery("update RefreshTokenEntity t set t.revokedAt = :at"
                        + " where t.userId = :user and t.revokedAt is null")
                .setParameter("user", user.value())
                .setParameter("at", at));
    }

    @Override
    public int deleteExpired(TenantId tenant, Instant before) {
        return bulk(tenant, em -> em.createQuery("delete from RefreshTokenEntity t where t.expiresAt < :before")
                .setParameter("before", before));
    }

    /**
     * Runs a bulk statement, then clears the persistence context: bulk statements bypass it, and a
     * later find in the same unit must not return the stale, unrevoked entity. Writes are flushed
     * as they happen here, so clearing loses nothing.
     */
    private int bulk(TenantId tenant, Function<EntityManager, Query> statement) {
        return tx.tenant(tenant, em -> {
            int count = statement.apply(em).executeUpdate();
            em.clear();
            return count;
        });
    }
}
