package io.callisto.admin.telephony;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.callisto.core.auth.Caller;
import io.callisto.core.telephony.Trunk;
import io.callisto.core.telephony.TrunkService;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.callisto.platform.http.JsonBodies;
import io.callisto.platform.http.Paging;
import io.callisto.platform.work.PathIds;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /api/v1/trunks}: admins configure SIP trunks; supervisors read them. The password is never shown. */
public final class TrunksApi implements ApiService {
    /** The optional fields a request may set to null to remove them. */
    private static final Set<String> CLEARABLE = Set.of("username", "password", "callerId");
    private final TrunkService trunks;
    private final JsonBodies bodies;

    public TrunksApi(TrunkService trunks, JsonBodies bodies) {
        this.trunks = trunks;
        this.bodies = bodies;
    }

    record TrunkBody(String name, String kind, String host, Integer port, String transport, String username,
                     String password, Boolean register, Integer registerExpiresSeconds, List<String> allowedIps,
                     List<String> failoverHosts, String callerId, Integer maxChannels, Boolean enabled) {
        @Override
        public String toString() {
            return "TrunkBody[" + name + "]";
        }
    }

    /** A trunk as the API shows it: never the password or its digests, only whether one is set. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TrunkView(String id, String name, String kind, String host, int port, String transport, String username,
                     boolean hasPassword, boolean register, int registerExpiresSeconds, List<String> allowedIps,
                     List<String> failoverHosts, String callerId, int maxChannels, boolean enabled, Instant createdAt,
                     Instant updatedAt) {
        static TrunkView of(Trunk t) {
            return new TrunkView(t.id(), t.name(), t.kind().name(), t.host(), t.port(), t.transport().name(),
                    t.username(), t.hasCredentials(), t.register(), t.registerExpiresSeconds(), t.allowedIps(),
                    t.failoverHosts(), t.callerId(), t.maxChannels(), t.enabled(), t.createdAt(), t.updatedAt());
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        String one = "/api/v1/trunks/{id}";
        return List.of(
                Endpoint.authenticated(Method.GET, "/api/v1/trunks", (caller, req, res) ->
                        Json.ok(res, Paging.collection(trunks.list(caller, Paging.from(req)), TrunkView::of))),
                Endpoint.authenticated(Method.POST, "/api/v1/trunks", (caller, req, res) -> {
                    Trunk created = trunks.create(caller, input(bodies.readWithNulls(req, TrunkBody.class)));
                    Json.created(res, "/api/v1/trunks/" + created.id(), TrunkView.of(created));
                }),
                Endpoint.authenticated(Method.GET, one, (caller, req, res) ->
                        Json.ok(res, TrunkView.of(trunks.get(caller, id(req))))),
                Endpoint.authenticated(Method.PATCH, one, this::update),
                Endpoint.authenticated(Method.PUT, one, this::update),
                Endpoint.authenticated(Method.DELETE, one, (caller, req, res) -> {
                    trunks.delete(caller, id(req));
                    Json.noContent(res);
                }));
    }

    private void update(Caller caller, ServerRequest req, ServerResponse res) {
        String id = id(req);
        Json.ok(res, TrunkView.of(trunks.update(caller, id, input(bodies.readWithNulls(req, TrunkBody.class)))));
    }

    private static TrunkService.TrunkInput input(JsonBodies.Parsed<TrunkBody> parsed) {
        TrunkBody b = parsed.value();
        Set<String> cleared = parsed.nullFields().stream().filter(CLEARABLE::contains).collect(Collectors.toSet());
        return new TrunkService.TrunkInput(b.name(), b.kind(), b.host(), b.port(), b.transport(), b.username(),
                b.password(), b.register(), b.registerExpiresSeconds(), b.allowedIps(), b.failoverHosts(), b.callerId(),
                b.maxChannels(), b.enabled(), cleared);
    }

    private static String id(ServerRequest req) {
        return PathIds.of(req, "id", "trunk");
    }

    @Override
    public String openApiFragment() {
        return "openapi/admin-trunks.yaml";
    }
}
