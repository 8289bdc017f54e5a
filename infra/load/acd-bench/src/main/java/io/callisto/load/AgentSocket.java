package io.callisto.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One agent's events WebSocket ({@code GET /api/v1/events?access_token=...}): takes the arrival time of each
 * {@code interaction.offered} message as soon as its last frame is in, then hands it to the workload.
 */
final class AgentSocket implements WebSocket.Listener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AgentSocket.class.getName());
    private final HttpSetup.Agent agent;
    private final OfferListener listener;
    private final CompletableFuture<Void> hello = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Where the offers go. */
    interface OfferListener {
        void offered(HttpSetup.Agent agent, String interactionId, String subject, long arrivedNanos);
    }

    private AgentSocket(HttpSetup.Agent agent, OfferListener listener) {
        this.agent = agent;
        this.listener = listener;
    }

    /** Connects and waits for the server's hello. */
    static AgentSocket connect(HttpClient client, HttpSetup.Agent agent, OfferListener listener) {
        AgentSocket s = new AgentSocket(agent, listener);
        String url = agent.base().replaceFirst("^http", "ws") + "/api/v1/events?access_token=" + agent.token();
        s.socket = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create(url), s)
                .orTimeout(20, TimeUnit.SECONDS).join();
        s.hello.orTimeout(20, TimeUnit.SECONDS).join();
        return s;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            String text = partial.toString();
            partial.setLength(0);
            try {
                JsonNode message = HttpApi.JSON.readTree(text);
                String type = message.path("type").asText();
                if ("interaction.offered".equals(type)) {
                    JsonNode d = message.path("data");
                    listener.offered(agent, d.path("interactionId").asText(), d.path("interaction").path("subject").asText(),
                            now);
                } else if ("hello".equals(type)) {
                    hello.complete(null);
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "invalid JSON on the events socket: " + text);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        LOG.log(System.Logger.Level.WARNING, "events socket of agent {0} closed: {1} {2}", agent.userId(), statusCode,
                reason);
        hello.completeExceptionally(new IllegalStateException("closed: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        LOG.log(System.Logger.Level.WARNING, "events socket of agent {0} failed: {1}", agent.userId(), error.toString());
        hello.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
