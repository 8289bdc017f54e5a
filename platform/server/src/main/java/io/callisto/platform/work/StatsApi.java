package io.callisto.platform.work;

import io.callisto.core.routing.RealtimeStats;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.helidon.http.Method;
import java.util.List;

/** {@code /api/v1/stats/realtime}: queues and agents now, for supervisors and admins. */
public final class StatsApi implements ApiService {
    private final RealtimeStats stats;

    public StatsApi(RealtimeStats stats) {
        this.stats = stats;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.authenticated(Method.GET, "/api/v1/stats/realtime", (caller, req, res) ->
                Json.ok(res, stats.get(caller))));
    }

    @Override
    public String openApiFragment() {
        return "openapi/stats.yaml";
    }
}
