package io.callisto.platform.api;

import io.callisto.core.auth.Caller;
import io.callisto.core.ids.UserId;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tenant.TenantService;
import io.callisto.core.user.User;
import io.callisto.core.user.UserService;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.helidon.http.Method;
import java.time.Instant;
import java.util.List;

/** The caller's own identity ({@code /api/v1/me}) and tenant ({@code /api/v1/tenant}). */
public final class AccountApi implements ApiService {
    private final UserService users;
    private final TenantService tenants;

    public AccountApi(UserService users, TenantService tenants) {
        this.users = users;
        this.tenants = tenants;
    }

    record Me(String userId, String apiKeyId, String tenantId, String email, String name, List<String> roles) {
    }

    record TenantView(String id, String companyName, String status, int seatsLeased, String plan, Instant createdAt) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id().value(), t.companyName(), t.status().name(), t.seatsLeased(), t.plan(),
                    t.createdAt());
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.authenticated(Method.GET, "/api/v1/me", (caller, req, res) -> Json.ok(res, me(caller))),
                Endpoint.authenticated(Method.GET, "/api/v1/tenant",
                        (caller, req, res) -> Json.ok(res, TenantView.of(tenants.current(caller)))));
    }

    private Me me(Caller caller) {
        List<String> roles = caller.roles().stream().map(Enum::name).sorted().toList();
        if (caller.kind() == Caller.Kind.API_KEY) {
            return new Me(null, caller.principalId(), caller.tenantId().value(), null, null, roles);
        }
        User user = users.get(caller, new UserId(caller.principalId()));
        return new Me(user.id().value(), null, user.tenantId().value(), user.email(), user.name(),
                user.roles().stream().map(Enum::name).sorted().toList());
    }

    @Override
    public String openApiFragment() {
        return "openapi/account.yaml";
    }
}
