package io.callisto.platform.events;

import io.callisto.core.auth.Caller;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.helidon.webserver.websocket.WsRouting;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * {@code GET /api/v1/events}: the WebSocket of ACD events. The upgrade is served by the WebSocket routing; a
 * request that reaches this route was not upgraded: 401 when its {@code access_token} is what refused the
 * upgrade, else 426 with a problem saying how to connect.
 */
public final class EventsApi implements ApiService {
    public static final String PATH = "/api/v1/events";
    private final Function<String, Caller> authenticator;

    public EventsApi(Function<String, Caller> authenticator) {
        this.authenticator = authenticator;
    }

    public static WsRouting.Builder socketRouting(EventsHub hub, Function<String, Caller> authenticator) {
        Clock clock = Clock.systemUTC();
        return WsRouting.builder().endpoint(PATH, () -> new EventsSocket(hub, authenticator, clock));
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(io.callisto.platform.http.UpgradeRequired.endpoint(PATH, authenticator,
                "connect with a WebSocket client (Upgrade: websocket), with ?access_token=<token>"));
    }

    @Override
    public String openApiFragment() {
        return "openapi/events.yaml";
    }
}
