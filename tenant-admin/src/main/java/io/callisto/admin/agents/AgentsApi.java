package io.callisto.admin.agents;

import io.callisto.core.acd.Channel;
import io.callisto.core.agent.AgentService;
import io.callisto.core.agent.AgentSettings;
import io.callisto.core.agent.AwayReason;
import io.callisto.core.agent.AwayReasonService;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.callisto.platform.http.JsonBodies;
import io.callisto.platform.http.Paging;
import io.callisto.platform.work.PathIds;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/agents}, {@code /api/v1/agent-directory} and {@code /api/v1/away-reasons}: agents' routing
 * configuration, their names for colleagues, and away reasons.
 */
public final class AgentsApi implements ApiService {
    private final AgentService agents;
    private final AwayReasonService reasons;
    private final JsonBodies bodies;

    public AgentsApi(AgentService agents, AwayReasonService reasons, JsonBodies bodies) {
        this.agents = agents;
        this.reasons = reasons;
        this.bodies = bodies;
    }

    record AgentBody(String userId, Map<String, Integer> skills, Set<String> queueIds, Map<Channel, Integer> maxConcurrent,
                     String sipUsername, String sipPassword) {
        @Override
        public String toString() {
            return "AgentBody[" + userId + "]";
        }
    }

    /** An agent as the API shows it: never the SIP password or its digests. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record AgentView(String id, String userId, Map<String, Integer> skills, List<String> queueIds,
                     Map<Channel, Integer> maxConcurrent, String sipUsername, boolean hasSipPassword, Instant createdAt,
                     Instant updatedAt) {
        static AgentView of(AgentSettings a) {
            return new AgentView(a.agentId(), a.agentId(), new java.util.TreeMap<>(a.skills()),
                    a.queueIds().stream().sorted().toList(), a.profile().maxConcurrent(), a.sipUsername(),
                    a.sipDigest() != null, a.createdAt(), a.updatedAt());
        }
    }

    record ReasonsBody(List<AwayReason> items) {
    }

    @Override
    public List<Endpoint> endpoints() {
        String one = "/api/v1/agents/{id}";
        return List.of(
                Endpoint.authenticated(Method.GET, "/api/v1/agents", (caller, req, res) ->
                        Json.ok(res, Paging.collection(agents.list(caller, Paging.from(req)), AgentView::of))),
                Endpoint.authenticated(Method.POST, "/api/v1/agents", (caller, req, res) -> {
                    AgentSettings created = agents.create(caller, input(bodies.readWithNulls(req, AgentBody.class)));
                    Json.created(res, "/api/v1/agents/" + created.agentId(), AgentView.of(created));
                }),
                Endpoint.authenticated(Method.GET, "/api/v1/agent-directory", (caller, req, res) ->
                        Json.ok(res, Paging.collection(agents.directory(caller, Paging.from(req)), c -> c))),
                Endpoint.authenticated(Method.GET, one, (caller, req, res) ->
                        Json.ok(res, AgentView.of(agents.get(caller, id(req))))),
                Endpoint.authenticated(Method.PATCH, one, this::update),
                Endpoint.authenticated(Method.PUT, one, this::update),
                Endpoint.authenticated(Method.DELETE, one, (caller, req, res) -> {
                    agents.delete(caller, id(req));
                    Json.noContent(res);
                }),
                Endpoint.authenticated(Method.GET, "/api/v1/away-reasons", (caller, req, res) ->
                        Json.ok(res, new ReasonsBody(reasons.list(caller)))),
                Endpoint.authenticated(Method.PUT, "/api/v1/away-reasons", (caller, req, res) ->
                        Json.ok(res, new ReasonsBody(reasons.replace(caller, bodies.read(req, ReasonsBody.class).items())))));
    }

    private void update(io.callisto.core.auth.Caller caller, ServerRequest req, io.helidon.webserver.http.ServerResponse res) {
        String id = id(req);
        Json.ok(res, AgentView.of(agents.update(caller, id, input(bodies.readWithNulls(req, AgentBody.class)))));
    }

    private static AgentService.AgentInput input(JsonBodies.Parsed<AgentBody> parsed) {
        AgentBody b = parsed.value();
        return new AgentService.AgentInput(b.userId(), b.skills(), b.queueIds(), b.maxConcurrent(), b.sipUsername(),
                b.sipPassword(), parsed.cleared("sipUsername"));
    }

    private static String id(ServerRequest req) {
        return PathIds.of(req, "id", "agent");
    }

    @Override
    public String openApiFragment() {
        return "openapi/admin-agents.yaml";
    }
}
