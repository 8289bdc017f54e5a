package io.callisto.platform;

import io.callisto.platform.api.AccountApi;
import io.callisto.platform.api.ApiKeysApi;
import io.callisto.platform.api.AuthApi;
import io.callisto.platform.api.SignupApi;
import io.callisto.platform.http.ApiRouter;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.ClientAddress;
import io.callisto.platform.http.ClientRateLimiter;
import io.callisto.platform.http.JsonBodies;
import io.callisto.platform.http.ProblemDirectHandler;
import io.callisto.platform.observe.HealthProbe;
import io.callisto.platform.observe.Observability;
import io.callisto.platform.openapi.OpenApiApi;
import io.callisto.platform.openapi.OpenApiDocument;
import io.callisto.platform.web.WebAppService;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's HTTP server: its own API (sign-up, auth, me, tenant, API keys), the API services the
 * composition root adds (tenant-admin, billing ...), {@code /openapi}, {@code /observe/*} and the web app.
 */
public final class PlatformServer {
    private static final System.Logger LOG = System.getLogger(PlatformServer.class.getName());
    private final WebServer server;
    private final ApiRouter router;
    private final OpenApiDocument openApi;

    private PlatformServer(WebServer server, ApiRouter router, OpenApiDocument openApi) {
        this.server = server;
        this.router = router;
        this.openApi = openApi;
    }

    public static PlatformServer start(PlatformConfig config, PlatformServices services, List<ApiService> extra,
                                       List<HealthProbe> probes) {
        return start(config, services, extra, probes, null);
    }

    /** With the events WebSocket at {@code /api/v1/events}, fed by the hub (null: no events endpoint). */
    public static PlatformServer start(PlatformConfig config, PlatformServices services, List<ApiService> extra,
                                       List<HealthProbe> probes, io.callisto.platform.events.EventsHub events) {
        return start(config, services, extra, probes, events, Map.of());
    }

    /**
     * With further WebSocket endpoints from the composition root (the softphone's signalling), by path; their
     * plain-HTTP fallbacks and documentation come as {@code extra} services. The server has one WebSocket routing
     * (a second would replace the first), so they join the events endpoint's.
     */
    public static PlatformServer start(PlatformConfig config, PlatformServices services, List<ApiService> extra,
                                       List<HealthProbe> probes, io.callisto.platform.events.EventsHub events,
                                       Map<String, java.util.function.Supplier<? extends io.helidon.websocket.WsListener>>
                                               sockets) {
        JsonBodies bodies = new JsonBodies(config.maxJsonBytes());
        List<ApiService> apis = new ArrayList<>(List.of(
                new SignupApi(services.signups(), bodies),
                new AuthApi(services.auth(), bodies),
                new AccountApi(services.users(), services.tenants()),
                new ApiKeysApi(services.apiKeys(), bodies)));
        apis.addAll(extra);
        if (events != null) {
            apis.add(new io.callisto.platform.events.EventsApi(services.auth()::authenticate));
        }
        AtomicReference<OpenApiDocument> document = new AtomicReference<>();
        apis.add(new OpenApiApi(document::get));
        List<Map.Entry<ClassLoader, String>> fragments = new ArrayList<>(apis.stream()
                .map(a -> Map.entry(a.getClass().getClassLoader(), a.openApiFragment())).toList());
        // The observe endpoints are served by Helidon's observers, not the router, but are documented too.
        fragments.add(Map.entry(PlatformServer.class.getClassLoader(), "openapi/observe.yaml"));
        OpenApiDocument openApi = OpenApiDocument.assemble("openapi/base.yaml", fragments);
        document.set(openApi);
        ApiRouter router = new ApiRouter(services.auth()::authenticate,
                new ClientRateLimiter(config.publicRequestsPerMinute(), Clock.systemUTC()),
                new ClientAddress(config.trustedProxies()));
        apis.forEach(router::add);
        WebAppService webApp = WebAppService.fromClasspath();

        var builder = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .shutdownHook(false)
                .shutdownGracePeriod(Duration.ofSeconds(10))
                // Without TCP_NODELAY a response spanning several segments waits ~40 ms for the client's
                // delayed ACK (Nagle): measured as a flat 44 ms on every 50-user page.
                .connectionOptions(socket -> socket.tcpNoDelay(true))
                // A backstop only: JSON endpoints enforce their own, smaller limit with a problem answer.
                .maxPayloadSize(16L * 1024 * 1024)
                .directHandlers(ProblemDirectHandler.handlers())
                .addFeature(Observability.feature(probes))
                .routing(routing -> routes(routing, router, webApp));
        if (events != null || !sockets.isEmpty()) {
            io.helidon.webserver.websocket.WsRouting.Builder ws = events != null
                    ? io.callisto.platform.events.EventsApi.socketRouting(events, services.auth()::authenticate)
                    : io.helidon.webserver.websocket.WsRouting.builder();
            sockets.forEach((path, listeners) -> ws.endpoint(path, () -> listeners.get()));
            builder.addRouting(ws);
        }
        WebServer server = builder.build()
                .start();
        LOG.log(System.Logger.Level.INFO, "platform HTTP listening on {0}:{1,number,#} ({2} API endpoints{3})",
                config.host(), server.port(), router.endpoints().size(), webApp == null ? ", no web app" : "");
        return new PlatformServer(server, router, openApi);
    }

    private static void routes(HttpRouting.Builder routing, ApiRouter router, WebAppService webApp) {
        router.register(routing);
        router.registerFallback(routing);
        if (webApp != null) {
            webApp.register(routing);
        }
    }

    public int port() {
        return server.port();
    }

    public ApiRouter router() {
        return router;
    }

    public OpenApiDocument openApi() {
        return openApi;
    }

    /** Stops accepting connections and lets requests in flight finish (up to the grace period). */
    public void stop() {
        server.stop();
    }
}
