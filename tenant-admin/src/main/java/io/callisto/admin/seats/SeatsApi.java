package io.callisto.admin.seats;

import io.callisto.core.routing.SeatService;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.callisto.platform.http.JsonBodies;
import io.helidon.http.Method;
import java.util.List;

/** {@code /api/v1/seats}: the seat lease (leased, and agents logged in now). */
public final class SeatsApi implements ApiService {
    private final SeatService seats;
    private final JsonBodies bodies;

    public SeatsApi(SeatService seats, JsonBodies bodies) {
        this.seats = seats;
        this.bodies = bodies;
    }

    record LeaseBody(Integer leased) {
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.authenticated(Method.GET, "/api/v1/seats", (caller, req, res) -> Json.ok(res, seats.get(caller))),
                Endpoint.authenticated(Method.PUT, "/api/v1/seats", (caller, req, res) ->
                        Json.ok(res, seats.lease(caller, bodies.read(req, LeaseBody.class).leased()))));
    }

    @Override
    public String openApiFragment() {
        return "openapi/admin-seats.yaml";
    }
}
