package io.callisto.core.user;

import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person signing in to a tenant. Emails are unique per tenant and stored lower-cased.
 * The password hash never leaves the service layer.
 */
public record User(TenantId tenantId, UserId id, String email, String name, String passwordHash,
                   Set<Role> roles, Instant createdAt, Instant updatedAt) {
    public User {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(id);
        Objects.requireNonNull(email);
        Objects.requireNonNull(name);
        Objects.requireNonNull(passwordHash);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public User withProfile(String newEmail, String newName, Set<Role> newRoles, Instant at) {
        return new User(tenantId, id, newEmail, newName, passwordHash, newRoles, createdAt, at);
    }

    public User withPasswordHash(String newHash, Instant at) {
        return new User(tenantId, id, email, name, newHash, roles, createdAt, at);
    }
}
