package io.callisto.gateway.call;

import io.callisto.gateway.sip.stack.SipLeg;

/** An agent's SIP phone as the agent's side of a call: the dialog with it. */
final class SipAgentLeg implements AgentLeg {
    private final SipLeg leg;

    SipAgentLeg(SipLeg leg) {
        this.leg = leg;
    }

    @Override
    public void hangUp() {
        leg.hangUp();
    }

    @Override
    public boolean isEnded() {
        return leg.isEnded();
    }

    @Override
    public void transferSucceeded() {
        TransferNotices.succeeded(leg);
    }

    @Override
    public void transferFailed() {
        TransferNotices.failed(leg);
    }

    @Override
    public java.util.concurrent.CompletableFuture<String> reinvite(String offer) {
        return leg.reinvite(offer);
    }
}
