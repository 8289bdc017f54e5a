package io.callisto.gateway.call;

import io.callisto.gateway.sip.stack.LegListener;
import io.callisto.gateway.sip.stack.SipLeg;
import java.util.function.Predicate;

/**
 * An agent's SIP phone's dialog events as {@link AgentLegEvents}: ringing (180, 183), the answer, a failure, BYE,
 * re-INVITEs; a REFER goes to {@code refer} (which says whether the transfer was taken).
 */
final class SipPhoneEvents implements LegListener {
    private final AgentLegEvents events;
    private final Predicate<String> refer;

    SipPhoneEvents(AgentLegEvents events, Predicate<String> refer) {
        this.events = events;
        this.refer = refer;
    }

    @Override
    public void onProvisional(SipLeg leg, int status, String sdp) {
        if (status == 180 || status == 183) {
            events.ringing();
        }
    }

    @Override
    public void onAnswered(SipLeg leg, String sdp) {
        events.answered(sdp);
    }

    @Override
    public void onFailed(SipLeg leg, int status, String reason) {
        events.failed(status);
    }

    @Override
    public void onBye(SipLeg leg) {
        events.hungUp();
    }

    @Override
    public boolean onRefer(SipLeg leg, String referTo) {
        return refer.test(referTo);
    }

    @Override
    public String onReinvite(SipLeg leg, String offer) {
        return events.reoffer(offer);
    }
}
