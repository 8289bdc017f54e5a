package io.callisto.platform.http;

import io.callisto.core.auth.Caller;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import java.util.List;
import java.util.function.Function;

/**
 * The plain-HTTP side of a WebSocket path (the WebSocket routing serves the upgrades): a request that reaches it was
 * not upgraded, and gets 401 when its {@code access_token} is invalid, else 426 with a problem saying how to connect.
 */
public final class UpgradeRequired {
    private UpgradeRequired() {
    }

    /** {@code GET path}; {@code how} tells the client how to connect (the problem's detail). */
    public static Endpoint endpoint(String path, Function<String, Caller> authenticator, String how) {
        return Endpoint.open(Method.GET, path, (req, res) -> {
            for (String token : req.query().all("access_token", List::of)) {
                authenticator.apply(token);
            }
            res.header(HeaderNames.UPGRADE, "websocket");
            Problems.send(req, res, 426, "upgrade-required", "Upgrade required", how);
        });
    }
}
