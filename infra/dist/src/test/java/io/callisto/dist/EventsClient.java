package io.callisto.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test client of the events WebSocket: collects every message; waits for one that matches. */
final class EventsClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();

    private EventsClient(String base, String query) {
        this(base, "/api/v1/events", query);
    }

    private EventsClient(String base, String path, String query) {
        String url = base.replaceFirst("^http", "ws") + path + query;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    static EventsClient connect(String base, String token) {
        return new EventsClient(base, "?access_token=" + token);
    }

    /** A JSON WebSocket at another path (the softphone's), with the token as access_token. */
    static EventsClient connect(String base, String path, String token) {
        return new EventsClient(base, path, "?access_token=" + token);
    }

    /** The HTTP status with which the server refuses the upgrade (fails if it accepts it). */
    static int refusedUpgradeStatus(String base, String token) {
        return refusedUpgradeStatus(base, "/api/v1/events", token);
    }

    static int refusedUpgradeStatus(String base, String path, String token) {
        String url = base.replaceFirst("^http", "ws") + path + "?access_token=" + token;
        try {
            WebSocket accepted = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(url), new WebSocket.Listener() { }).orTimeout(10, TimeUnit.SECONDS).join();
            accepted.abort();
            throw new AssertionError("the upgrade was accepted");
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** Connects without a token in the URL (it is to be sent in the first message). */
    static EventsClient connectAnonymously(String base) {
        return new EventsClient(base, "");
    }

    void sendText(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    JsonNode await(String what, Predicate<JsonNode> matching) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (JsonNode m : messages) {
                if (matching.test(m)) {
                    return m;
                }
            }
            sleep();
        }
        throw new AssertionError("no " + what + " within 20 s; received " + messages);
    }

    JsonNode awaitType(String type) {
        return await(type, m -> type.equals(m.path("type").asText()));
    }

    /** The close code the server sent, waiting for it. */
    int awaitClose() {
        return closed.orTimeout(20, TimeUnit.SECONDS).join();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    throw new AssertionError("the server sent invalid JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
