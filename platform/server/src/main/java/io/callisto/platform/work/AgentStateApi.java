package io.callisto.platform.work;

import io.callisto.core.agent.AgentStateService;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.callisto.platform.http.JsonBodies;
import io.callisto.platform.http.Paging;
import io.helidon.http.Method;
import java.util.List;

/** {@code /api/v1/agents/{id}/state}: an agent's live state, set by the agent or a supervisor; and its audit. */
public final class AgentStateApi implements ApiService {
    private final AgentStateService states;
    private final JsonBodies bodies;

    public AgentStateApi(AgentStateService states, JsonBodies bodies) {
        this.states = states;
        this.bodies = bodies;
    }

    record StateBody(String state, String reason) {
    }

    /** One audited transition. */
    record ChangeView(String agentId, String from, String to, String reason, java.time.Instant at) {
        static ChangeView of(io.callisto.core.agent.AgentStateChange c) {
            return new ChangeView(c.agentId(), c.from().name(), c.to().name(), c.reason(), c.at());
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        String path = "/api/v1/agents/{id}/state";
        return List.of(
                Endpoint.authenticated(Method.GET, path, (caller, req, res) ->
                        Json.ok(res, states.get(caller, PathIds.of(req, "id", "agent")))),
                Endpoint.authenticated(Method.PUT, path, (caller, req, res) -> {
                    String id = PathIds.of(req, "id", "agent");
                    StateBody b = bodies.read(req, StateBody.class);
                    Json.ok(res, states.set(caller, id, b.state(), b.reason()));
                }),
                Endpoint.authenticated(Method.POST, "/api/v1/agents/{id}/wrap-up/finish", (caller, req, res) ->
                        Json.ok(res, states.finishWrapUp(caller, PathIds.of(req, "id", "agent")))),
                Endpoint.authenticated(Method.GET, "/api/v1/agents/{id}/state-changes", (caller, req, res) -> {
                    String id = PathIds.of(req, "id", "agent");
                    Json.ok(res, Paging.collection(states.history(caller, id, Paging.from(req)), ChangeView::of));
                }));
    }

    @Override
    public String openApiFragment() {
        return "openapi/agent-state.yaml";
    }
}
