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
    private final Map<String, CustomerCall> calls = new ConcurrentHashMap<>();
    private final Map<String, ConsultCall> consultations = new ConcurrentHashMap<>();
    private final java.util.Set<Consultation> softphoneConsultations = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    void add(CustomerCall call) {
        calls.put(call.id(), call);
    }

    void remove(CustomerCall call) {
        calls.remove(call.id(), call);
    }

    void add(ConsultCall call) {
        consultations.put(call.id(), call);
    }

    void remove(ConsultCall call) {
        consultations.remove(call.id(), call);
    }

    void add(Consultation consultation) {
        softphoneConsultations.add(consultation);
    }

    void remove(Consultation consultation) {
        softphoneConsultations.remove(consultation);
    }

    /** The customer's call with this id, if this node carries it. */
    java.util.Optional<CustomerCall> call(String id) {
        return java.util.Optional.ofNullable(calls.get(id));
    }

    /** Customers' calls and agents' calls to colleagues this node carries. */
    public int active() {
        return calls.size() + consultations.size();
    }

    /** Whether the agent is on a call to or from a colleague (and so cannot be offered a customer's call). */
    boolean inConsultation(io.callisto.core.ids.TenantId tenant, String agentId) {
        return consultations.values().stream().anyMatch(c -> c.tenant().equals(tenant) && c.involves(agentId))
                || softphoneConsultations.stream().anyMatch(c -> c.tenant().equals(tenant) && c.involves(agentId));
    }

    /** The agent's connected call to a colleague whose calling leg is the dialog named (an attended transfer's). */
    java.util.Optional<ConsultCall> consultation(io.callisto.core.ids.TenantId tenant, String agentId,
                                                 TransferTargets.Replaces dialog) {
        return consultations.values().stream()
                .filter(c -> c.tenant().equals(tenant) && c.isConsultationOf(agentId, dialog)).findFirst();
    }

    public Collection<CustomerCall> calls() {
        return calls.values();
    }

    /** The ACD's events (every tenant's); called on the event stream's thread, so the work goes elsewhere. */
    public void onBatch(EventBatch batch) {
        for (AcdEvent event : batch.events()) {
            switch (event) {
                case AcdEvent.Offered o -> on(o.interactionId(), call -> call.offered(o.agentId()));
                case AcdEvent.OfferWithdrawn w -> on(w.interactionId(), call -> call.offerWithdrawn(w.agentId()));
                case AcdEvent.Ended e -> on(e.record().interactionId(), CustomerCall::endedByAcd);
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
        consultations.values().stream().filter(c -> c.uses(bridge)).findFirst()
                .ifPresent(call -> workers.execute(() -> call.mediaSilent(side)));
        softphoneConsultations.stream().filter(c -> c.uses(bridge)).findFirst()
                .ifPresent(consultation -> workers.execute(() -> consultation.mediaSilent(side)));
    }

    /**
     * Runs a call's events one after another in the order the ACD made them (a withdrawn offer before the next offer
     * to the same agent), each call on its own, never on the event stream's thread.
     */
    private void on(String interactionId, java.util.function.Consumer<CustomerCall> action) {
        CustomerCall call = calls.get(interactionId);
        if (call != null) {
            call.events().submit(() -> action.accept(call), workers);
        }
    }

    @Override
    public void close() {
        calls.values().forEach(CustomerCall::shutdown);
        consultations.values().forEach(ConsultCall::shutdown);
        workers.shutdownNow();
    }
}
