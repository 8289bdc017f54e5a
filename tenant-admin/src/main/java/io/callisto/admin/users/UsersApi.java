package io.callisto.admin.users;

import io.callisto.core.error.Errors;
import io.callisto.core.ids.UserId;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import io.callisto.core.user.UserService;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.callisto.platform.http.JsonBodies;
import io.callisto.platform.http.Paging;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code /api/v1/users}: admins manage the tenant's users; supervisors read; users read and edit themselves. */
public final class UsersApi implements ApiService {
    private final UserService users;
    private final JsonBodies bodies;

    public UsersApi(UserService users, JsonBodies bodies) {
        this.users = users;
        this.bodies = bodies;
    }

    record NewUserBody(String email, String name, String password, Set<Role> roles) {
        @Override
        public String toString() {
            return "NewUserBody[" + email + "]";
        }
    }

    record ChangesBody(String email, String name, String password, Set<Role> roles, String currentPassword) {
        @Override
        public String toString() {
            return "ChangesBody[" + email + "]";
        }
    }

    /** A user as the API shows it; never the password hash. */
    record UserView(String id, String email, String name, List<String> roles, Instant createdAt, Instant updatedAt) {
        static UserView of(User u) {
            return new UserView(u.id().value(), u.email(), u.name(), u.roles().stream().map(Enum::name).sorted().toList(),
                    u.createdAt(), u.updatedAt());
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.authenticated(Method.GET, "/api/v1/users", (caller, req, res) ->
                        Json.ok(res, Paging.collection(users.list(caller, Paging.from(req)), UserView::of))),
                Endpoint.authenticated(Method.POST, "/api/v1/users", (caller, req, res) -> {
                    NewUserBody b = bodies.read(req, NewUserBody.class);
                    User created = users.create(caller, new UserService.NewUser(b.email(), b.name(), b.password(),
                            b.roles()));
                    Json.created(res, "/api/v1/users/" + created.id().value(), UserView.of(created));
                }),
                Endpoint.authenticated(Method.GET, "/api/v1/users/{id}", (caller, req, res) ->
                        Json.ok(res, UserView.of(users.get(caller, id(req))))),
                Endpoint.authenticated(Method.PATCH, "/api/v1/users/{id}", (caller, req, res) -> {
                    UserId id = id(req);
                    ChangesBody b = bodies.read(req, ChangesBody.class);
                    Json.ok(res, UserView.of(users.update(caller, id, new UserService.UserChanges(b.email(), b.name(),
                            b.password(), b.roles(), b.currentPassword()))));
                }),
                Endpoint.authenticated(Method.DELETE, "/api/v1/users/{id}", (caller, req, res) -> {
                    users.delete(caller, id(req));
                    Json.noContent(res);
                }));
    }

    /** An id that cannot be a user's is simply not found. */
    private static UserId id(ServerRequest request) {
        String id = request.path().pathParameters().get("id");
        if (id == null || id.isBlank() || id.length() > 64) {
            throw Errors.notFound("user");
        }
        return new UserId(id);
    }

    @Override
    public String openApiFragment() {
        return "openapi/admin-users.yaml";
    }
}
