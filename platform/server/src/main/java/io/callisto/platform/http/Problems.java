package io.callisto.platform.http;

import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.error.RateLimitedException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;

/** Writes problem+json responses and maps typed errors to them; the one place error statuses are decided. */
public final class Problems {
    private static final System.Logger LOG = System.getLogger(Problems.class.getName());
    private static final Map<ErrorKind, String> TITLES = Map.of(
            ErrorKind.INVALID_INPUT, "Invalid request",
            ErrorKind.UNAUTHENTICATED, "Authentication required",
            ErrorKind.FORBIDDEN, "Forbidden",
            ErrorKind.NOT_FOUND, "Not found",
            ErrorKind.CONFLICT, "Conflict",
            ErrorKind.PAYLOAD_TOO_LARGE, "Payload too large",
            ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            ErrorKind.RATE_LIMITED, "Too many requests",
            ErrorKind.UNAVAILABLE, "Service unavailable");

    private Problems() {
    }

    public static void send(ServerRequest request, ServerResponse response, CallistoException e) {
        if (e instanceof RateLimitedException limited) {
            response.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, limited.retryAfter().toSeconds())));
        }
        if (e.kind() == ErrorKind.UNAUTHENTICATED) {
            response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"callisto\"");
        }
        int status = e.kind().httpStatus();
        write(response, Problem.of(status, e.code(), TITLES.get(e.kind()), e.detail(), path(request), e.fieldErrors()));
    }

    public static void send(ServerRequest request, ServerResponse response, int status, String code, String title,
                            String detail) {
        write(response, Problem.of(status, code, title, detail, path(request), List.of()));
    }

    /** A request Helidon refused before or outside our handlers: keep its status, answer with a problem. */
    public static void http(ServerRequest request, ServerResponse response, HttpException e) {
        int status = e.status().code();
        if (status >= 500) {
            internal(request, response, e);
            return;
        }
        send(request, response, status, "http-" + status, e.status().reasonPhrase(), "the request was refused");
    }

    /** An unexpected failure: logged with its stack, answered without internals. */
    public static void internal(ServerRequest request, ServerResponse response, Throwable t) {
        LOG.log(System.Logger.Level.ERROR, "unhandled error on " + request.prologue().method().text() + " "
                + path(request), t);
        send(request, response, 500, "internal-error", "Internal error", "the server failed to handle the request");
    }

    private static void write(ServerResponse response, Problem problem) {
        if (response.isSent()) {
            return;
        }
        response.status(Status.create(problem.status()));
        response.header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(Json.bytes(problem));
    }

    private static String path(ServerRequest request) {
        return request.path().rawPath();
    }
}
