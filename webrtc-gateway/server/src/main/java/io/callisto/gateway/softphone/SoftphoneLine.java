package io.callisto.gateway.softphone;

import io.callisto.core.ids.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One agent's softphone, which outlives its WebSocket: the connection that is current (a newer one replaces it) and
 * the agent's calls on it. When the page reloads or the network blips, the calls stay; messages meanwhile are dropped
 * (the reconnected page learns the calls' states from {@code welcome}).
 */
final class SoftphoneLine {
    private final TenantId tenant;
    private final String agentId;
    private final Map<String, BrowserCall> calls = new ConcurrentHashMap<>();
    private volatile SoftphoneSender sender;

    SoftphoneLine(TenantId tenant, String agentId) {
        this.tenant = tenant;
        this.agentId = agentId;
    }

    TenantId tenant() {
        return tenant;
    }

    String agentId() {
        return agentId;
    }

    /** Makes {@code next} the line's connection; the one it replaces is told so and closed. */
    void attach(SoftphoneSender next) {
        SoftphoneSender previous;
        synchronized (this) {
            previous = sender;
            sender = next;
        }
        if (previous != null && previous != next) {
            previous.send(ServerMessages.error("replaced", "the softphone connected again elsewhere", null));
            previous.close(4000, "replaced by a newer connection");
        }
    }

    /** The connection closed; if it was the current one, the line waits for the next. */
    synchronized void detach(SoftphoneSender closed) {
        if (sender == closed) {
            sender = null;
        }
    }

    synchronized boolean isCurrent(SoftphoneSender candidate) {
        return sender == candidate;
    }

    boolean isConnected() {
        return sender != null;
    }

    void send(String json) {
        SoftphoneSender current = sender;
        if (current != null) {
            current.send(json);
        }
    }

    void add(BrowserCall call) {
        calls.put(call.id(), call);
    }

    void remove(BrowserCall call) {
        calls.remove(call.id(), call);
    }

    Optional<BrowserCall> call(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    List<BrowserCall> calls() {
        return List.copyOf(calls.values());
    }

    /** The agent is on (or being rung for) a call already. */
    boolean isBusy() {
        return !calls.isEmpty();
    }
}
