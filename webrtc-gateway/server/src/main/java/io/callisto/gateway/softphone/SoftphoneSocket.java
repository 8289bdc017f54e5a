package io.callisto.gateway.softphone;

import io.callisto.core.auth.Caller;
import io.callisto.core.error.CallistoException;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /api/v1/softphone}: a softphone's WebSocket. The agent's access token comes as {@code ?access_token=}
 * on the upgrade (an invalid one refuses it); text frames are the protocol's JSON messages, at most
 * {@link ClientMessages#MAX_MESSAGE} bytes each (more closes the connection, 1009).
 */
public final class SoftphoneSocket implements WsListener {
    public static final String PATH = "/api/v1/softphone";
    private final Softphones softphones;
    private final Function<String, Caller> authenticator;
    private final StringBuilder partial = new StringBuilder();
    private volatile Caller caller;
    private volatile SoftphoneConnection connection;

    SoftphoneSocket(Softphones softphones, Function<String, Caller> authenticator) {
        this.softphones = softphones;
        this.authenticator = authenticator;
    }

    /** One listener per connection, for the HTTP server's WebSocket routing at {@link #PATH}. */
    public static java.util.function.Supplier<WsListener> listeners(Softphones softphones,
                                                                    Function<String, Caller> authenticator) {
        return () -> new SoftphoneSocket(softphones, authenticator);
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        List<String> tokens = prologue.query().all("access_token", List::of);
        if (tokens.size() != 1) {
            throw new WsUpgradeException("send the agent's token as one access_token query parameter");
        }
        try {
            caller = authenticator.apply(tokens.getFirst());
        } catch (CallistoException e) {
            throw new WsUpgradeException("invalid access_token: " + e.detail());
        }
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession socket) {
        connection = softphones.open(caller, new Sender(socket));
    }

    @Override
    public void onMessage(WsSession socket, String text, boolean last) {
        if (partial.length() + text.length() > ClientMessages.MAX_MESSAGE) {
            partial.setLength(0);
            socket.close(WsCloseCodes.TOO_BIG, "messages are at most " + ClientMessages.MAX_MESSAGE + " bytes");
            return;
        }
        partial.append(text);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            connection.receive(message);
        }
    }

    @Override
    public void onMessage(WsSession socket, io.helidon.common.buffers.BufferData buffer, boolean last) {
        socket.send(ServerMessages.error("invalid-message", "send text frames (JSON), not binary", null), true);
    }

    @Override
    public void onClose(WsSession socket, int status, String reason) {
        SoftphoneConnection current = connection;
        if (current != null) {
            current.closed();
        }
    }

    @Override
    public void onError(WsSession socket, Throwable t) {
        onClose(socket, WsCloseCodes.UNEXPECTED_CONDITION, t.getMessage());
    }

    /** Sends are serialized: call control and the connection's own replies come from different threads. */
    private record Sender(WsSession socket) implements SoftphoneSender {
        @Override
        public void send(String json) {
            synchronized (this) {
                try {
                    socket.send(json, true);
                } catch (RuntimeException e) {
                    // the socket is closing; the line keeps the calls for the next connection
                }
            }
        }

        @Override
        public void close(int code, String reason) {
            synchronized (this) {
                socket.close(code, reason);
            }
        }
    }
}
