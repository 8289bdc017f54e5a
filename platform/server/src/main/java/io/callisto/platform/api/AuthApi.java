package io.callisto.platform.api;

import io.callisto.core.auth.AuthService;
import io.callisto.core.auth.TokenPair;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.callisto.platform.http.JsonBodies;
import io.helidon.http.Method;
import java.util.List;

/** Sign-in, token refresh (with rotation) and sign-out. */
public final class AuthApi implements ApiService {
    private final AuthService auth;
    private final JsonBodies bodies;

    public AuthApi(AuthService auth, JsonBodies bodies) {
        this.auth = auth;
        this.bodies = bodies;
    }

    record TokenBody(String email, String password, String tenantId) {
        @Override
        public String toString() {
            return "TokenBody[" + email + "]";
        }
    }

    record RefreshBody(String refreshToken) {
        @Override
        public String toString() {
            return "RefreshBody[***]";
        }
    }

    /** The token answer; field names are part of the public API. */
    record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn, String tenantId,
                  String userId, List<String> roles) {
        static Tokens of(TokenPair p) {
            return new Tokens(p.accessToken(), p.refreshToken(), "Bearer", p.expiresInSeconds(), p.tenantId().value(),
                    p.userId().value(), p.roles().stream().map(Enum::name).sorted().toList());
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.open(Method.POST, "/api/v1/auth/token", (req, res) -> {
                    TokenBody b = bodies.read(req, TokenBody.class);
                    Json.ok(res, Tokens.of(auth.signIn(b.email(), b.password(), tenant(b.tenantId()))));
                }),
                Endpoint.open(Method.POST, "/api/v1/auth/refresh", (req, res) -> {
                    RefreshBody b = bodies.read(req, RefreshBody.class);
                    Json.ok(res, Tokens.of(auth.refresh(required(b.refreshToken()))));
                }),
                Endpoint.open(Method.POST, "/api/v1/auth/logout", (req, res) -> {
                    RefreshBody b = bodies.read(req, RefreshBody.class);
                    auth.signOut(required(b.refreshToken()));
                    Json.noContent(res);
                }));
    }

    private static String required(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw Errors.invalid("refresh-token-required", "refreshToken is required");
        }
        return refreshToken;
    }

    private static TenantId tenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            return null;
        }
        if (tenantId.length() > 64) {
            throw Errors.invalid("invalid-tenant-id", "tenantId is not a valid tenant id");
        }
        return new TenantId(tenantId);
    }

    @Override
    public String openApiFragment() {
        return "openapi/auth.yaml";
    }
}
