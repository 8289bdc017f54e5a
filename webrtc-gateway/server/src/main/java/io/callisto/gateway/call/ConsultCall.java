package io.callisto.gateway.call;

import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.sip.registrar.Binding;
import io.callisto.gateway.sip.sdp.Answer;
import io.callisto.gateway.sip.sdp.Direction;
import io.callisto.gateway.sip.sdp.NegotiatedMedia;
import io.callisto.gateway.sip.sdp.OfferAnswer;
import io.callisto.gateway.sip.sdp.SdpParser;
import io.callisto.gateway.sip.sdp.SessionDescription;
import io.callisto.gateway.sip.stack.IncomingRequest;
import io.callisto.gateway.sip.stack.LegListener;
import io.callisto.gateway.sip.stack.OutgoingInvite;
import io.callisto.gateway.sip.stack.SipEndpoint;
import io.callisto.gateway.sip.stack.SipHeader;
import io.callisto.gateway.sip.stack.SipLeg;
import java.util.List;

/**
 * A call from one agent's phone to a colleague's (the consultation before an attended transfer): the calling agent's
 * leg (side A of its own relay) rings while the colleague's phone (side B) is rung, and is answered when the colleague
 * answers. Hang-up on either side ends both. An attended transfer takes the colleague's leg over ({@link #handOff}):
 * from then on it belongs to the customer's call and this call only closes what is left of it.
 */
final class ConsultCall {
    private static final System.Logger LOG = System.getLogger(ConsultCall.class.getName());
    private enum State { RINGING, CONNECTED, HANDED_OFF, ENDED }

    private final CallServices services;
    private final CallRegistry registry;
    private final TenantId tenant;
    private final String fromAgent;
    private final String toAgent;
    private final String id = Ids.next('k');
    private State state = State.RINGING;
    private RtpBridge bridge;
    private SipLeg fromLeg;
    private SipLeg toLeg;
    private Answer fromAnswer;
    private SessionDescription toOffer;
    private NegotiatedMedia toMedia;
    private final SdpOrigin fromOrigin = SdpOrigin.fresh();
    private final SdpOrigin toOrigin = SdpOrigin.fresh();
    private NegotiatedMedia fromMedia;
    private boolean toGone;

    ConsultCall(CallServices services, CallRegistry registry, TenantId tenant, String fromAgent, String toAgent) {
        this.services = services;
        this.registry = registry;
        this.tenant = tenant;
        this.fromAgent = fromAgent;
        this.toAgent = toAgent;
    }

    /**
     * What an attended transfer takes over: the colleague's leg, its media, who they are, and the origin (session id
     * and version) of the last SDP the gateway sent on that leg, which the next offer on it must continue.
     */
    record Handoff(SipLeg leg, NegotiatedMedia media, String agentId, long sessionId, long sessionVersion) {
    }

    String id() {
        return id;
    }

    TenantId tenant() {
        return tenant;
    }

    /** Whether the agent is on this call, either end. */
    boolean involves(String agentId) {
        return fromAgent.equals(agentId) || toAgent.equals(agentId);
    }

    /** Whether the calling agent's leg is the dialog a Replaces header names, and this call was made by the agent. */
    synchronized boolean isConsultationOf(String agentId, TransferTargets.Replaces dialog) {
        return state == State.CONNECTED && fromAgent.equals(agentId) && fromLeg != null
                && fromLeg.isDialog(dialog.callId(), dialog.toTag(), dialog.fromTag());
    }

    synchronized boolean uses(RtpBridge candidate) {
        return bridge == candidate;
    }

    /**
     * Answers nothing yet: rings the colleague's phone and tells the caller it rings. Unusable SDP throws before
     * anything is kept (the caller refuses the INVITE).
     */
    synchronized void start(SipEndpoint endpoint, IncomingRequest invite, Binding phone) {
        SessionDescription offer = SdpParser.parse(invite.body());
        bridge = services.relay().open();
        try {
            fromAnswer = OfferAnswer.answer(offer, services.mediaHost(), bridge.leg(Side.A).rtpPort(), Direction.SENDRECV,
                    fromOrigin.sessionId(), fromOrigin.next());
        } catch (RuntimeException e) {
            bridge.close();
            throw e;
        }
        fromMedia = fromAnswer.media();
        toOffer = OfferAnswer.offer(services.mediaHost(), bridge.leg(Side.B).rtpPort(), List.of(fromMedia.codec()),
                fromMedia.hasTelephoneEvent() ? MediaPlumbing.AGENT_TELEPHONE_EVENT : -1, Direction.SENDRECV,
                toOrigin.sessionId(), toOrigin.next());
        MediaPlumbing.point(bridge, Side.A, fromMedia);
        registry.add(this);
        fromLeg = endpoint.accept(invite, new FromListener());
        fromLeg.ring();
        String from = "sip:" + invite.fromUri().user() + "@" + endpoint.host() + ":" + endpoint.port();
        try {
            toLeg = endpoint.invite(new OutgoingInvite(phone.contact(), phone.sourceHost(), phone.sourcePort(),
                    phone.transport(), from, null, "sip:" + phone.username() + "@" + tenant.value(), toOffer.toString(),
                    List.of(new SipHeader("X-Callisto-Consultation", id))), new ToListener());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "consultation {0}: cannot ring {1}: {2}", id, toAgent, e.getMessage());
            fromLeg.reject(480, "Temporarily Unavailable");
            end();
        }
    }

    private synchronized void answered(String sdp) {
        if (state != State.RINGING) {
            toLeg.hangUp();
            return;
        }
        try {
            toMedia = OfferAnswer.accept(toOffer, SdpParser.parse(sdp == null ? "" : sdp));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "consultation {0}: unusable answer from {1}: {2}", id, toAgent,
                    e.getMessage());
            toLeg.hangUp();
            fromLeg.reject(488, "Not Acceptable Here");
            end();
            return;
        }
        MediaPlumbing.point(bridge, Side.B, toMedia);
        MediaPlumbing.map(bridge, fromMedia, toMedia);
        fromLeg.answer(fromAnswer.description().toString());
        state = State.CONNECTED;
    }

    private synchronized void failed(int status) {
        if (state == State.RINGING) {
            // busy and declined stay what they are; anything else is "not reachable now"
            fromLeg.reject(status == 486 || status == 600 || status == 603 ? status : 480,
                    status == 486 ? "Busy Here" : status == 600 ? "Busy Everywhere" : status == 603 ? "Decline"
                            : "Temporarily Unavailable");
            end();
        }
    }

    private synchronized void hungUp(boolean byCaller) {
        if (state == State.RINGING && byCaller) {
            toLeg.cancel();
            end();
        } else if (state == State.CONNECTED) {
            (byCaller ? toLeg : fromLeg).hangUp();
            end();
        } else if (state == State.HANDED_OFF && byCaller) {
            end();
        } else if (state == State.HANDED_OFF) {
            toGone = true; // before the transfer took the colleague's leg over; matters if it is given back
        }
    }

    /** A re-INVITE (hold, resume) from either side; null (488) when it cannot be answered. */
    private synchronized String reinvite(Side side, String offerText) {
        if (state != State.CONNECTED) {
            return null;
        }
        Answer answer = Reinvites.answer(services.mediaHost(), bridge, side, offerText,
                (side == Side.A ? fromMedia : toMedia).codec(), side == Side.A ? fromOrigin : toOrigin);
        if (answer == null) {
            return null;
        }
        if (side == Side.A) {
            fromMedia = answer.media();
        } else {
            toMedia = answer.media();
        }
        MediaPlumbing.map(bridge, fromMedia, toMedia);
        return answer.description().toString();
    }

    /**
     * An attended transfer takes the colleague's leg: it is no longer hung up with this call. Null when the call is
     * not connected (any more).
     */
    synchronized Handoff handOff() {
        if (state != State.CONNECTED) {
            return null;
        }
        state = State.HANDED_OFF;
        return new Handoff(toLeg, toMedia, toAgent, toOrigin.sessionId(), toOrigin.current());
    }

    /** A hand-off the ACD refused: the colleague's leg is this call's again (or, gone meanwhile, the call ends). */
    synchronized void takeBack() {
        if (state != State.HANDED_OFF) {
            return;
        }
        if (toGone) {
            fromLeg.hangUp();
            end();
        } else {
            state = State.CONNECTED;
        }
    }

    /** After a hand-off: the calling agent's leg is hung up and the relay closed (the colleague's leg lives on). */
    synchronized void finishHandOff() {
        if (state == State.HANDED_OFF) {
            fromLeg.hangUp();
            end();
        }
    }

    /** The relay heard nothing from one side for too long: the call is over. */
    synchronized void mediaSilent(Side side) {
        if (state == State.CONNECTED) {
            LOG.log(System.Logger.Level.INFO, "consultation {0}: no RTP from side {1}; ending it", id, side);
            fromLeg.hangUp();
            toLeg.hangUp();
            end();
        }
    }

    /** The gateway stops. */
    synchronized void shutdown() {
        if (state == State.RINGING) {
            toLeg.cancel();
            fromLeg.reject(503, "Service Unavailable");
        } else if (state == State.CONNECTED) {
            fromLeg.hangUp();
            toLeg.hangUp();
        } else if (state == State.HANDED_OFF) {
            fromLeg.hangUp();
        }
        end();
    }

    private void end() {
        state = State.ENDED;
        if (bridge != null) {
            bridge.close();
        }
        registry.remove(this);
    }

    /** The calling agent's leg. */
    private final class FromListener implements LegListener {
        @Override
        public void onCancel(SipLeg leg) {
            hungUp(true);
        }

        @Override
        public void onBye(SipLeg leg) {
            hungUp(true);
        }

        @Override
        public String onReinvite(SipLeg leg, String offer) {
            return reinvite(Side.A, offer);
        }
    }

    /** The colleague's leg, until a transfer takes it. */
    private final class ToListener implements LegListener {
        @Override
        public void onAnswered(SipLeg leg, String sdp) {
            answered(sdp);
        }

        @Override
        public void onFailed(SipLeg leg, int status, String reason) {
            failed(status);
        }

        @Override
        public void onBye(SipLeg leg) {
            hungUp(false);
        }

        @Override
        public String onReinvite(SipLeg leg, String offer) {
            return reinvite(Side.B, offer);
        }
    }
}
