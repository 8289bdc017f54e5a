package io.callisto.gateway.call;

import io.callisto.core.acd.ContactRef;
import io.callisto.core.ids.TenantId;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import java.util.Optional;

/** Agents' browser softphones, as call control rings them (the softphone package implements it). */
public interface BrowserAgents {
    /** Nobody has a softphone: every agent is reached on their SIP phone. */
    BrowserAgents NONE = new BrowserAgents() {
        @Override
        public Optional<AgentLeg> ring(Ring ring, AgentLegEvents events) {
            return Optional.empty();
        }

        @Override
        public boolean isConnected(TenantId tenant, String agentId) {
            return false;
        }
    };

    /**
     * Rings the agent's softphone if it is connected: the leg then reports through {@code events}; empty when the
     * agent has no softphone connected (their SIP phone is tried instead).
     */
    Optional<AgentLeg> ring(Ring ring, AgentLegEvents events);

    /** Whether the agent's softphone is connected now (an outbound call then starts there). */
    boolean isConnected(TenantId tenant, String agentId);

    /**
     * What the softphone shows and needs: the call, its caller and CRM contact (the screen pop), and the relay side
     * the browser's media is attached to; {@code offerSdp} is the call's offer to the agent's device, which the
     * browser leg answers on the browser's behalf.
     */
    record Ring(TenantId tenant, String agentId, String callId, String from, String to, String queueId,
                ContactRef contact, RtpBridge bridge, Side side, String codec, boolean telephoneEvents,
                String offerSdp, Direction direction) {
        /** The same call with the agent's media on {@code otherSide} of {@code other} (a consultation, and back). */
        public Ring at(RtpBridge other, Side otherSide) {
            return new Ring(tenant, agentId, callId, from, to, queueId, contact, other, otherSide, codec, telephoneEvents,
                    offerSdp, direction);
        }

        /** A consultation's ring once the colleague has the customer: it shows the customer's call. */
        public Ring withCustomer(String caller, String number, String queue, ContactRef customer) {
            return new Ring(tenant, agentId, callId, caller, number, queue, customer, bridge, side, codec,
                    telephoneEvents, offerSdp, Direction.INBOUND);
        }
    }

    /**
     * Inbound: a customer's call rings the agent. Outbound: the agent dialled, their media comes up at once.
     * Consultation: a colleague (the ring's {@code from}, an agent id) consults the agent before an attended transfer.
     */
    enum Direction { INBOUND, OUTBOUND, CONSULTATION }
}
