package io.callisto.dist;

import io.callisto.core.auth.Caller;
import io.callisto.gateway.softphone.SoftphoneSocket;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.UpgradeRequired;
import java.util.List;
import java.util.function.Function;

/**
 * {@code GET /api/v1/softphone} when it was not upgraded to a WebSocket (the WebSocket routing serves upgrades): 401
 * for an invalid {@code access_token}, else 426 with a problem saying how to connect. Its OpenAPI fragment documents
 * the protocol's shape; the softphone SDK's README documents every message.
 */
final class SoftphoneApi implements ApiService {
    private final Function<String, Caller> authenticator;

    SoftphoneApi(Function<String, Caller> authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(UpgradeRequired.endpoint(SoftphoneSocket.PATH, authenticator,
                "connect with a WebSocket client (Upgrade: websocket), with ?access_token=<the agent's token>"));
    }

    @Override
    public String openApiFragment() {
        return "openapi/softphone.yaml";
    }
}
