package io.callisto.persistence;

import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Row of {@code users}. tenant_id is not a field: EclipseLink writes it from the EntityManager's
 * tenant property and adds it to every query, so code holding a tenant's EntityManager cannot read
 * or change another tenant's rows.
 */
@Entity
@Table(name = "users")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class UserEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "email")
    private String email;
    @Column(name = "name")
    private String name;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "roles")
    private String roles;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected UserEntity() {
        // for JPA
    }

    UserEntity(User user) {
        this.id = user.id().value();
        copyFrom(user);
    }

    final void copyFrom(User user) {
        email = user.email();
        name = user.name();
        passwordHash = user.passwordHash();
        roles = RoleCodec.encode(user.roles());
        createdAt = user.createdAt();
        updatedAt = user.updatedAt();
    }

    String email() {
        return email;
    }

    User toUser(TenantId tenant) {
        return new User(tenant, new UserId(id), email, name, passwordHash, RoleCodec.decode(roles), createdAt, updatedAt);
    }
}
