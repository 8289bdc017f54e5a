package io.callisto.platform.work;

import io.callisto.core.interaction.InteractionService;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.callisto.platform.http.JsonBodies;
import io.callisto.platform.http.Paging;
import io.helidon.http.Method;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/interactions}: tasks in, live and recent interactions out, and the agent's actions on them. */
public final class InteractionsApi implements ApiService {
    private final InteractionService interactions;
    private final JsonBodies bodies;

    public InteractionsApi(InteractionService interactions, JsonBodies bodies) {
        this.interactions = interactions;
        this.bodies = bodies;
    }

    record NewTaskBody(String channel, String queueId, Integer priority, Map<String, Integer> requiredSkills, String from,
                       String subject, Map<String, String> data) {
    }

    record CompleteBody(String disposition, String notes) {
    }

    record TransferBody(String queueId, String agentId, String number) {
    }

    @Override
    public List<Endpoint> endpoints() {
        String one = "/api/v1/interactions/{id}";
        return List.of(
                Endpoint.authenticated(Method.GET, "/api/v1/interactions", (caller, req, res) ->
                        Json.ok(res, Paging.collection(interactions.list(caller, Paging.from(req)), v -> v))),
                Endpoint.authenticated(Method.POST, "/api/v1/interactions", (caller, req, res) -> {
                    NewTaskBody b = bodies.read(req, NewTaskBody.class);
                    var created = interactions.create(caller, new InteractionService.NewTask(b.channel(), b.queueId(),
                            b.priority(), b.requiredSkills(), b.from(), b.subject(), b.data()));
                    Json.created(res, "/api/v1/interactions/" + created.id(), created);
                }),
                Endpoint.authenticated(Method.GET, one, (caller, req, res) ->
                        Json.ok(res, interactions.get(caller, id(req)))),
                Endpoint.authenticated(Method.POST, one + "/accept", (caller, req, res) ->
                        Json.ok(res, interactions.accept(caller, id(req)))),
                Endpoint.authenticated(Method.POST, one + "/reject", (caller, req, res) ->
                        Json.ok(res, interactions.reject(caller, id(req)))),
                Endpoint.authenticated(Method.POST, one + "/complete", (caller, req, res) -> {
                    String id = id(req);
                    CompleteBody b = optionalBody(req, CompleteBody.class, new CompleteBody(null, null));
                    Json.ok(res, interactions.complete(caller, id, b.disposition(), b.notes()));
                }),
                Endpoint.authenticated(Method.POST, one + "/transfer", (caller, req, res) -> {
                    String id = id(req);
                    TransferBody b = bodies.read(req, TransferBody.class);
                    Json.ok(res, interactions.transfer(caller, id, b.queueId(), b.agentId(), b.number()));
                }));
    }

    /** complete takes an optional body: none at all means no disposition and no notes. */
    private <T> T optionalBody(io.helidon.webserver.http.ServerRequest req, Class<T> type, T empty) {
        boolean chunked = req.headers().contains(io.helidon.http.HeaderNames.TRANSFER_ENCODING);
        boolean none = req.headers().contentLength().orElse(-1L) == 0
                || (req.headers().contentLength().isEmpty() && !chunked);
        return none ? empty : bodies.read(req, type);
    }

    private static String id(io.helidon.webserver.http.ServerRequest req) {
        return PathIds.of(req, "id", "interaction");
    }

    @Override
    public String openApiFragment() {
        return "openapi/interactions.yaml";
    }
}
