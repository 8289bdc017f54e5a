package io.callisto.admin.telephony;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.callisto.core.auth.Caller;
import io.callisto.core.telephony.NumberConfig;
import io.callisto.core.telephony.NumberService;
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

/** {@code /api/v1/numbers}: admins assign phone numbers to queues (and trunks); supervisors read them. */
public final class NumbersApi implements ApiService {
    /** The optional fields a request may set to null to remove them. */
    private static final Set<String> CLEARABLE = Set.of("name", "trunkId");
    private final NumberService numbers;
    private final JsonBodies bodies;

    public NumbersApi(NumberService numbers, JsonBodies bodies) {
        this.numbers = numbers;
        this.bodies = bodies;
    }

    record TargetBody(String type, String queueId, String ivrFlowId) {
    }

    record NumberBody(String e164, String name, String trunkId, TargetBody target) {
    }

    /** Where the number's calls go: {@code {type: QUEUE, queueId}} or {@code {type: IVR, ivrFlowId}}. */
    record TargetView(String type, String queueId, String ivrFlowId) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NumberView(String id, String e164, String name, String trunkId, TargetView target, Instant createdAt,
                      Instant updatedAt) {
        static NumberView of(NumberConfig n) {
            return new NumberView(n.id(), n.e164(), n.name(), n.trunkId(), new TargetView(n.target().type().name(),
                    n.target().queueId(), n.target().ivrFlowId()), n.createdAt(), n.updatedAt());
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        String one = "/api/v1/numbers/{id}";
        return List.of(
                Endpoint.authenticated(Method.GET, "/api/v1/numbers", (caller, req, res) ->
                        Json.ok(res, Paging.collection(numbers.list(caller, Paging.from(req)), NumberView::of))),
                Endpoint.authenticated(Method.POST, "/api/v1/numbers", (caller, req, res) -> {
                    NumberConfig created = numbers.create(caller, input(bodies.readWithNulls(req, NumberBody.class)));
                    Json.created(res, "/api/v1/numbers/" + created.id(), NumberView.of(created));
                }),
                Endpoint.authenticated(Method.GET, one, (caller, req, res) ->
                        Json.ok(res, NumberView.of(numbers.get(caller, id(req))))),
                Endpoint.authenticated(Method.PATCH, one, this::update),
                Endpoint.authenticated(Method.PUT, one, this::update),
                Endpoint.authenticated(Method.DELETE, one, (caller, req, res) -> {
                    numbers.delete(caller, id(req));
                    Json.noContent(res);
                }));
    }

    private void update(Caller caller, ServerRequest req, ServerResponse res) {
        String id = id(req);
        Json.ok(res, NumberView.of(numbers.update(caller, id, input(bodies.readWithNulls(req, NumberBody.class)))));
    }

    private static NumberService.NumberInput input(JsonBodies.Parsed<NumberBody> parsed) {
        NumberBody b = parsed.value();
        Set<String> cleared = parsed.nullFields().stream().filter(CLEARABLE::contains).collect(Collectors.toSet());
        NumberService.TargetInput target = b.target() == null ? null
                : new NumberService.TargetInput(b.target().type(), b.target().queueId(), b.target().ivrFlowId());
        return new NumberService.NumberInput(b.e164(), b.name(), b.trunkId(), target, cleared);
    }

    private static String id(ServerRequest req) {
        return PathIds.of(req, "id", "number");
    }

    @Override
    public String openApiFragment() {
        return "openapi/admin-numbers.yaml";
    }
}
