package io.callisto.gateway.call;

import io.callisto.gateway.sip.sdp.NegotiatedMedia;
import io.callisto.gateway.sip.sdp.SessionDescription;

/**
 * One ringing of one agent's device for a customer's call, and then the agent's side of the conversation: what was
 * offered to the device, and what it agreed. A SIP phone's dialog events are translated ({@link #sipPhone()}); a
 * browser softphone reports through {@link AgentLegEvents} directly.
 */
final class AgentAttempt implements AgentLegEvents {
    private final CustomerCall call;
    final String agentId;
    final SessionDescription offer;
    final SdpOrigin origin;
    volatile AgentLeg leg;
    volatile NegotiatedMedia media;

    AgentAttempt(CustomerCall call, String agentId, SessionDescription offer, SdpOrigin origin) {
        this.call = call;
        this.agentId = agentId;
        this.offer = offer;
        this.origin = origin;
    }

    // ---- AgentLegEvents -------------------------------------------------------------------------

    @Override
    public void ringing() {
        call.agentRinging(this);
    }

    @Override
    public void answered(String sdp) {
        call.agentAnswered(this, sdp);
    }

    @Override
    public void failed(int status) {
        call.agentFailed(this, status);
    }

    @Override
    public void hungUp() {
        call.agentHungUp(this);
    }

    @Override
    public void lost() {
        call.agentLost(this);
    }

    @Override
    public boolean transfer(String toQueueId, String toAgentId) {
        return call.blindTransfer(this, toQueueId, toAgentId);
    }

    @Override
    public boolean consult(String colleagueId) {
        return call.consult(this, colleagueId);
    }

    @Override
    public boolean completeTransfer() {
        return call.completeTransfer(this);
    }

    @Override
    public boolean cancelConsult() {
        return call.cancelConsult(this);
    }

    @Override
    public String reoffer(String sdp) {
        return call.agentReoffer(this, sdp);
    }

    /** Why an agent whose device failed with this SIP status is set away. */
    static String awayReasonFor(int status) {
        return switch (status) {
            case 486, 600 -> "phone-busy";
            case 603 -> "declined";
            default -> "phone-unreachable";
        };
    }

    /** A REFER from the agent's SIP phone: a blind transfer, or an attended one (Replaces); false when refused. */
    boolean referred(String referTo) {
        return call.transferRequested(this, referTo);
    }

    /** This attempt's events as a SIP phone's dialog listener. */
    SipPhoneEvents sipPhone() {
        return new SipPhoneEvents(this, this::referred);
    }
}
