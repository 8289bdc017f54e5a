package io.callisto.core.auth;

import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.user.Role;
import java.util.Set;

/** What a successful sign-in or refresh returns. */
public record TokenPair(String accessToken, String refreshToken, long expiresInSeconds, TenantId tenantId,
                        UserId userId, Set<Role> roles) {
    @Override
    public String toString() {
        return "TokenPair[tenant=" + tenantId + ", user=" + userId + ", roles=" + roles + "]";
    }
}
