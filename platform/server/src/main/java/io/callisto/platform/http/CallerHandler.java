package io.callisto.platform.http;

import io.callisto.core.auth.Caller;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Handles a request whose caller has already been authenticated by the router. */
@FunctionalInterface
public interface CallerHandler {
    void handle(Caller caller, ServerRequest request, ServerResponse response) throws Exception;
}
