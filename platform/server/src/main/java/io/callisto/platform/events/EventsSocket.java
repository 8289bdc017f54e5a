package io.callisto.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.callisto.core.auth.Caller;
import io.callisto.core.error.CallistoException;
import io.callisto.platform.http.Json;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One connection to {@code GET /api/v1/events}. The token comes as {@code ?access_token=} on the upgrade
 * (an invalid one refuses the upgrade: {@link EventsApi} answers 401) or in the first message
 * {@code {"type":"auth","token":...}} within 10 s.
 * Then the server streams events; the client may send {@code {"type":"ping"}}. Anything else gets an
 * {@code error} message and changes nothing; a message over 4 KiB closes the connection (1009).
 */
final class EventsSocket implements WsListener {
    static final int MAX_MESSAGE = 4096;
    static final Duration AUTH_TIMEOUT = Duration.ofSeconds(10);
    private final EventsHub hub;
    private final Function<String, Caller> authenticator;
    private final Clock clock;
    private final StringBuilder partial = new StringBuilder();
    private volatile Caller preAuthenticated;
    private volatile EventSession session;

    EventsSocket(EventsHub hub, Function<String, Caller> authenticator, Clock clock) {
        this.hub = hub;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        List<String> tokens = prologue.query().all("access_token", List::of);
        if (tokens.size() > 1) {
            throw new WsUpgradeException("send one access_token");
        }
        if (tokens.size() == 1) {
            try {
                preAuthenticated = authenticator.apply(tokens.getFirst());
            } catch (CallistoException e) {
                throw new WsUpgradeException("invalid access_token: " + e.detail());
            }
        }
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession socket) {
        if (preAuthenticated != null) {
            start(socket, preAuthenticated);
            return;
        }
        Thread.ofVirtual().name("events-auth-timeout").start(() -> {
            try {
                Thread.sleep(AUTH_TIMEOUT);
            } catch (InterruptedException e) {
                return;
            }
            if (session == null) {
                socket.close(WsCloseCodes.VIOLATED_POLICY, "authenticate within 10 s");
            }
        });
    }

    @Override
    public void onMessage(WsSession socket, String text, boolean last) {
        if (partial.length() + text.length() > MAX_MESSAGE) {
            partial.setLength(0);
            socket.close(WsCloseCodes.TOO_BIG, "messages are at most " + MAX_MESSAGE + " bytes");
            return;
        }
        partial.append(text);
        if (!last) {
            return;
        }
        String message = partial.toString();
        partial.setLength(0);
        handle(socket, message);
    }

    private void handle(WsSession socket, String text) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            reply(socket, error("invalid-json", "a message is a JSON object {type, ...}"));
            return;
        }
        String type = node != null && node.isObject() && node.path("type").isTextual() ? node.get("type").asText() : null;
        if ("ping".equals(type)) {
            reply(socket, Map.of("type", "pong", "at", clock.instant()));
        } else if ("auth".equals(type)) {
            authenticate(socket, node);
        } else if (session == null) {
            reply(socket, error("unauthenticated", "send {\"type\":\"auth\",\"token\":\"...\"} first"));
        } else {
            reply(socket, error("unknown-message", "the server accepts only ping (and auth before it)"));
        }
    }

    private void authenticate(WsSession socket, JsonNode node) {
        if (session != null) {
            reply(socket, error("already-authenticated", "this connection is authenticated"));
            return;
        }
        if (!node.path("token").isTextual()) {
            reply(socket, error("invalid-auth", "auth needs a token"));
            return;
        }
        try {
            start(socket, authenticator.apply(node.get("token").asText()));
        } catch (CallistoException e) {
            reply(socket, error(e.code(), e.detail()));
            socket.close(WsCloseCodes.VIOLATED_POLICY, "authentication failed");
        }
    }

    private void start(WsSession socket, Caller caller) {
        EventSession started = new EventSession(socket, caller);
        session = started;
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("userId", caller.principalId());
        hello.put("kind", caller.kind());
        hello.put("roles", caller.roles().stream().map(Enum::name).sorted().toList());
        started.send(EventMessages.of(caller.tenantId(), "hello", clock.instant(), hello));
        hub.add(started);
        if (io.callisto.core.routing.EventAudience.seesAll(caller)) {
            try {
                started.send(hub.statsMessage(caller.tenantId()));
            } catch (RuntimeException e) {
                // the periodic push will bring it
            }
        }
    }

    private void reply(WsSession socket, Object message) {
        String text = new String(Json.bytes(message), java.nio.charset.StandardCharsets.UTF_8);
        EventSession current = session;
        if (current != null) {
            current.send(text);
        } else {
            socket.send(text, true);
        }
    }

    private Map<String, Object> error(String code, String detail) {
        return Map.of("type", "error", "at", clock.instant(), "data", Map.of("code", code, "detail", detail));
    }

    @Override
    public void onClose(WsSession socket, int status, String reason) {
        EventSession current = session;
        if (current != null) {
            current.closed();
            hub.remove(current);
        }
    }

    @Override
    public void onError(WsSession socket, Throwable t) {
        onClose(socket, WsCloseCodes.UNEXPECTED_CONDITION, t.getMessage());
    }
}
