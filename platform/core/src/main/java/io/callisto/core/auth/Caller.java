package io.callisto.core.auth;

import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.user.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is making a request, resolved at the edge from a token or an API key. Services take it
 * explicitly and check roles against it; the tenant id in it scopes every repository call.
 */
public record Caller(TenantId tenantId, String principalId, Kind kind, Set<Role> roles) {
    /** A person signed in with a token, or a server using an API key. */
    public enum Kind { USER, API_KEY }

    public Caller {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(principalId);
        Objects.requireNonNull(kind);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasAnyRole(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    /** Fails with 403 unless the caller has one of the roles. */
    public void requireAnyRole(Role... any) {
        if (!hasAnyRole(any)) {
            throw Errors.forbidden("role-required", "this action requires the role " + joined(any));
        }
    }

    public boolean isUser(String userId) {
        return kind == Kind.USER && principalId.equals(userId);
    }

    private static String joined(Role... any) {
        return String.join(" or ", Arrays.stream(any).map(Enum::name).toList());
    }
}
