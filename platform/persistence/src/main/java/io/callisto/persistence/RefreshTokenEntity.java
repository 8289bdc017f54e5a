package io.callisto.persistence;

import io.callisto.core.auth.RefreshToken;
import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** Row of {@code refresh_tokens}; tenant scoped like {@link UserEntity}. Only revokedAt changes, by bulk update. */
@Entity
@Table(name = "refresh_tokens")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class RefreshTokenEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "user_id")
    private String userId;
    @Column(name = "family_id")
    private String familyId;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshTokenEntity() {
        // for JPA
    }

    RefreshTokenEntity(RefreshToken token) {
        id = token.id();
        userId = token.userId().value();
        familyId = token.familyId();
        tokenHash = token.tokenHash();
        createdAt = token.createdAt();
        expiresAt = token.expiresAt();
        revokedAt = token.revokedAt();
    }

    RefreshToken toRefreshToken(TenantId tenant) {
        return new RefreshToken(tenant, id, new UserId(userId), familyId, tokenHash, createdAt, expiresAt, revokedAt);
    }
}
