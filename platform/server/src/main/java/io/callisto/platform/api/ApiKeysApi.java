package io.callisto.platform.api;

import io.callisto.core.auth.ApiKey;
import io.callisto.core.auth.ApiKeyService;
import io.callisto.core.user.Role;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.callisto.platform.http.JsonBodies;
import io.callisto.platform.http.Paging;
import io.helidon.http.Method;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** API keys for server-to-server integrations (ADMIN). The key is returned once, at creation. */
public final class ApiKeysApi implements ApiService {
    private final ApiKeyService keys;
    private final JsonBodies bodies;

    public ApiKeysApi(ApiKeyService keys, JsonBodies bodies) {
        this.keys = keys;
        this.bodies = bodies;
    }

    record Body(String name, Set<Role> roles) {
    }

    record KeyView(String id, String name, List<String> roles, String createdBy, Instant createdAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id(), k.name(), k.roles().stream().map(Enum::name).sorted().toList(), k.createdBy(),
                    k.createdAt());
        }
    }

    record CreatedKey(String id, String key, String name, List<String> roles, Instant createdAt) {
        @Override
        public String toString() {
            return "CreatedKey[" + id + "]";
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.authenticated(Method.POST, "/api/v1/api-keys", (caller, req, res) -> {
                    Body b = bodies.read(req, Body.class);
                    ApiKeyService.Created c = keys.create(caller, b.name(), b.roles());
                    ApiKey k = c.key();
                    Json.created(res, "/api/v1/api-keys/" + k.id(), new CreatedKey(k.id(), c.plaintext(), k.name(),
                            k.roles().stream().map(Enum::name).sorted().toList(), k.createdAt()));
                }),
                Endpoint.authenticated(Method.GET, "/api/v1/api-keys", (caller, req, res) ->
                        Json.ok(res, Paging.collection(keys.list(caller, Paging.from(req)), KeyView::of))),
                Endpoint.authenticated(Method.GET, "/api/v1/api-keys/{id}", (caller, req, res) ->
                        Json.ok(res, KeyView.of(keys.get(caller, req.path().pathParameters().get("id"))))),
                Endpoint.authenticated(Method.DELETE, "/api/v1/api-keys/{id}", (caller, req, res) -> {
                    keys.revoke(caller, req.path().pathParameters().get("id"));
                    Json.noContent(res);
                }));
    }

    @Override
    public String openApiFragment() {
        return "openapi/api-keys.yaml";
    }
}
