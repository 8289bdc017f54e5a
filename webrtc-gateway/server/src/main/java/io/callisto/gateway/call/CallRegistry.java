package io.callisto.gateway.call;

import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.EventBatch;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The calls this gateway node carries, by interaction id, and the ACD's events routed to them: an offer makes the
 * call ring the agent's phone, a withdrawn offer stops the ringing, an end the ACD decided (overflow with nowhere
 * to go) hangs up the caller. Events of calls carried elsewhere are ignored.
 */
public final class CallRegistry implements AutoCloseable {
    private final Map<String, InboundCall> calls = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    void add(InboundCall call) {
        calls.put(call.id(), call);
    }

    void remove(InboundCall call) {
        calls.remove(call.id(), call);
    }

    public int active() {
        return calls.size();
    }

    public Collection<InboundCall> calls() {
        return calls.values();
    }

    /** The ACD's events (every tenant's); called on the event stream's thread, so the work goes elsewhere. */
    public void onBatch(EventBatch batch) {
        for (AcdEvent event : batch.events()) {
            switch (event) {
                case AcdEvent.Offered o -> on(o.interactionId(), call -> call.offered(o.agentId()));
                case AcdEvent.OfferWithdrawn w -> on(w.interactionId(), call -> call.offerWithdrawn(w.agentId()));
                case AcdEvent.Ended e -> on(e.record().interactionId(), InboundCall::endedByAcd);
                default -> {
                    // the others change nothing on the call's legs
                }
            }
        }
    }

    /** The relay found one side of a bridge silent for too long: the call it belongs to decides what that means. */
    public void mediaSilent(io.callisto.gateway.media.rtp.RtpBridge bridge, io.callisto.gateway.media.rtp.Side side,
                            java.time.Duration silentFor) {
        calls.values().stream().filter(c -> c.uses(bridge)).findFirst()
                .ifPresent(call -> workers.execute(() -> call.mediaSilent(side, silentFor)));
    }

    /**
     * Runs a call's events one after another in the order the ACD made them (a withdrawn offer before the next offer
     * to the same agent), each call on its own, never on the event stream's thread.
     */
    private void on(String interactionId, java.util.function.Consumer<InboundCall> action) {
        InboundCall call = calls.get(interactionId);
        if (call != null) {
            call.events().submit(() -> action.accept(call), workers);
        }
    }

    @Override
    public void close() {
        calls.values().forEach(InboundCall::shutdown);
        workers.shutdownNow();
    }
}
