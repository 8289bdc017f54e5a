package io.callisto.platform.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Requests Helidon refuses before routing (a malformed request line or header, bad percent-encoding, a body
 * over the server's hard limit) also get a problem+json answer. The detail is ours: Helidon's message may
 * quote the offending input.
 */
public final class ProblemDirectHandler implements DirectHandler {
    private ProblemDirectHandler() {
    }

    public static DirectHandlers handlers() {
        ProblemDirectHandler handler = new ProblemDirectHandler();
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        int code = status.code();
        String problemCode = switch (eventType) {
            case PAYLOAD_TOO_LARGE -> "payload-too-large";
            case BAD_REQUEST -> "malformed-request";
            case HTTP_VERSION_NOT_SUPPORTED -> "http-version-not-supported";
            case FORBIDDEN -> "forbidden";
            default -> code >= 500 ? "internal-error" : "http-" + code;
        };
        String detail = code >= 500 ? "the server failed to handle the request" : "the request was malformed or too large";
        Problem problem = Problem.of(code, problemCode, status.reasonPhrase(), detail, null, java.util.List.of());
        headers.set(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.set(HeaderNames.CACHE_CONTROL, "no-store");
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .keepAlive(eventType.keepAlive())
                .entity(Json.bytes(problem))
                .build();
    }
}
