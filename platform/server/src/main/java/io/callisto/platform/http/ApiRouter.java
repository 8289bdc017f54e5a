package io.callisto.platform.http;

import io.callisto.core.auth.Caller;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.Errors;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts the API's endpoints on the routing: authenticates every non-public endpoint centrally, rate-limits
 * the public ones per client, maps typed errors to problem+json, and answers unknown API routes with a
 * problem (404, or 405 with Allow when the path exists under another method).
 */
public final class ApiRouter {
    public static final String API_PREFIX = "/api/";
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Function<String, Caller> authenticator;
    private final ClientRateLimiter publicLimiter;
    private final ClientAddress clientAddress;

    public ApiRouter(Function<String, Caller> authenticator, ClientRateLimiter publicLimiter, ClientAddress clientAddress) {
        this.authenticator = authenticator;
        this.publicLimiter = publicLimiter;
        this.clientAddress = clientAddress;
    }

    public ApiRouter add(ApiService service) {
        endpoints.addAll(service.endpoints());
        return this;
    }

    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** Registers the endpoints and the error mapping; call {@link #registerFallback} after all other routes. */
    public void register(HttpRouting.Builder routing) {
        for (Endpoint endpoint : endpoints) {
            routing.route(endpoint.method(), endpoint.path(), (req, res) -> dispatch(endpoint, req, res));
        }
        routing.error(CallistoException.class, Problems::send);
        // What Helidon itself rejects (no route matched, a malformed request line or header ...).
        routing.error(NotFoundException.class, (req, res, e) ->
                Problems.send(req, res, 404, "unknown-route", "Not found", "nothing at this path"));
        routing.error(HttpException.class, Problems::http);
        routing.error(Exception.class, Problems::internal);
    }

    /** Unknown routes under /api: a problem instead of the server's plain-text 404. */
    public void registerFallback(HttpRouting.Builder routing) {
        routing.any("/api/*", this::unknownRoute);
        routing.any("/api", this::unknownRoute);
    }

    private void dispatch(Endpoint endpoint, ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = null;
        if (endpoint.access() == Access.AUTHENTICATED) {
            caller = authenticator.apply(bearer(request));
        } else if (endpoint.access() == Access.PUBLIC) {
            publicLimiter.check(clientAddress.of(request));
        }
        endpoint.handler().handle(caller, request, response);
    }

    private void unknownRoute(ServerRequest request, ServerResponse response) {
        String path = request.path().path();
        Set<String> allowed = endpoints.stream().filter(e -> e.matchesPath(path)).map(e -> e.method().text())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (allowed.isEmpty()) {
            Problems.send(request, response, 404, "unknown-route", "Not found", "no API endpoint at this path");
            return;
        }
        response.header(HeaderNames.ALLOW, String.join(", ", allowed));
        Problems.send(request, response, 405, "method-not-allowed", "Method not allowed",
                "this endpoint accepts " + String.join(", ", allowed));
    }

    private static String bearer(ServerRequest request) {
        List<String> values = request.headers().all(HeaderNames.AUTHORIZATION, List::of);
        if (values.isEmpty()) {
            throw Errors.unauthenticated("credentials-required", "send Authorization: Bearer <token>");
        }
        if (values.size() > 1) {
            throw Errors.unauthenticated("invalid-authorization", "send exactly one Authorization header");
        }
        String value = values.getFirst().trim();
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Errors.unauthenticated("invalid-authorization", "the Authorization scheme must be Bearer");
        }
        return value.substring(7).trim();
    }
}
