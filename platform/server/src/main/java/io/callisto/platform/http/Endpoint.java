package io.callisto.platform.http;

import io.helidon.http.Method;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One route of the public API: method, path template (e.g. {@code /api/v1/users/{id}}), whether it needs
 * a credential, and its handler. Services declare their endpoints as data, so the router can authenticate
 * centrally and tests can check that {@code /openapi} documents exactly the routes that exist.
 */
public record Endpoint(Method method, String path, Access access, CallerHandler handler) {
    public Endpoint {
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        Objects.requireNonNull(access);
        Objects.requireNonNull(handler);
    }

    public static Endpoint authenticated(Method method, String path, CallerHandler handler) {
        return new Endpoint(method, path, Access.AUTHENTICATED, handler);
    }

    public static Endpoint open(Method method, String path, PublicHandler handler) {
        return new Endpoint(method, path, Access.PUBLIC, (ignored, req, res) -> handler.handle(req, res));
    }

    /** An open endpoint whose handler verifies a signature on every request (see {@link Access#SIGNED}). */
    public static Endpoint signed(Method method, String path, PublicHandler handler) {
        return new Endpoint(method, path, Access.SIGNED, (ignored, req, res) -> handler.handle(req, res));
    }

    /** Whether a concrete request path matches this template. */
    public boolean matchesPath(String requestPath) {
        return templatePattern().matcher(requestPath).matches();
    }

    private Pattern templatePattern() {
        return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q"));
    }

    /** A handler of a public endpoint. */
    @FunctionalInterface
    public interface PublicHandler {
        void handle(io.helidon.webserver.http.ServerRequest request, io.helidon.webserver.http.ServerResponse response)
                throws Exception;
    }
}
