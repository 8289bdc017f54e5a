package io.callisto.core.auth;

import io.callisto.core.ids.TenantId;
import io.callisto.core.user.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A server-to-server credential of a tenant. Only the hash of the key is kept. */
public record ApiKey(TenantId tenantId, String id, String name, String keyHash, Set<Role> roles,
                     String createdBy, Instant createdAt) {
    public ApiKey {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(keyHash);
        Objects.requireNonNull(createdBy);
        Objects.requireNonNull(createdAt);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }
}
