package io.callisto.persistence;

import io.callisto.core.auth.ApiKey;
import io.callisto.core.ids.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** Row of {@code api_keys}; tenant scoped like {@link UserEntity}. Immutable once stored. */
@Entity
@Table(name = "api_keys")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class ApiKeyEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "name")
    private String name;
    @Column(name = "key_hash")
    private String keyHash;
    @Column(name = "roles")
    private String roles;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ApiKeyEntity() {
        // for JPA
    }

    ApiKeyEntity(ApiKey key) {
        id = key.id();
        name = key.name();
        keyHash = key.keyHash();
        roles = RoleCodec.encode(key.roles());
        createdBy = key.createdBy();
        createdAt = key.createdAt();
    }

    ApiKey toApiKey(TenantId tenant) {
        return new ApiKey(tenant, id, name, keyHash, RoleCodec.decode(roles), createdBy, createdAt);
    }
}
