package io.callisto.dist;

import io.callisto.grid.GridNode;
import io.callisto.platform.observe.HealthProbe;
import io.callisto.platform.observe.Observability;
import io.helidon.webserver.WebServer;
import java.util.List;

/**
 * The gateway role as it stands before the SIP and WebRTC edges exist: a storage-disabled grid member
 * with its health and metrics endpoints, so deployments and probes can already be set up.
 */
final class GatewayNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GatewayNode.class.getName());
    private final WebServer server;

    private GatewayNode(WebServer server) {
        this.server = server;
    }

    static GatewayNode start(String host, int port, GridNode grid) {
        WebServer server = WebServer.builder()
                .host(host)
                .port(port)
                .shutdownHook(false)
                .addFeature(Observability.feature(List.of(new HealthProbe("grid", grid::isHealthy))))
                .build()
                .start();
        LOG.log(System.Logger.Level.INFO, "gateway node up: grid member (storage disabled), observe endpoints on "
                + "{0}:{1,number,#}; the SIP and WebRTC edges are not part of this build yet", host, server.port());
        return new GatewayNode(server);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
