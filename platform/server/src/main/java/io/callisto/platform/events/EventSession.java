package io.callisto.platform.events;

import io.callisto.core.auth.Caller;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsSession;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One authenticated events connection. Messages are queued and written by the session's own virtual thread,
 * so a slow client never holds up the grid's event thread or other clients; a client that falls a whole queue
 * behind is disconnected (it reconnects and reads the current state), rather than growing memory without bound.
 */
final class EventSession {
    static final int QUEUE = 2048;
    private static final String STOP = "\u0000stop";
    private static final System.Logger LOG = System.getLogger(EventSession.class.getName());
    private final WsSession socket;
    private final Caller caller;
    private final BlockingQueue<String> outbound = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean open = true;

    EventSession(WsSession socket, Caller caller) {
        this.socket = socket;
        this.caller = caller;
        Thread.ofVirtual().name("events-" + caller.principalId()).start(this::writeLoop);
    }

    Caller caller() {
        return caller;
    }

    boolean isOpen() {
        return open;
    }

    void send(String message) {
        if (open && !outbound.offer(message)) {
            close(WsCloseCodes.VIOLATED_POLICY, "too slow: reconnect and read the current state");
        }
    }

    void close(int code, String reason) {
        if (!open) {
            return;
        }
        open = false;
        outbound.clear();
        outbound.offer(STOP);
        try {
            socket.close(code, reason);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing an events socket failed: " + e);
        }
    }

    /** The peer went away: stop writing. */
    void closed() {
        open = false;
        outbound.clear();
        outbound.offer(STOP);
    }

    private void writeLoop() {
        try {
            while (true) {
                String message = outbound.take();
                if (STOP.equals(message)) {
                    return;
                }
                socket.send(message, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "events socket write failed; dropping the session: " + e);
            open = false;
        }
    }
}
