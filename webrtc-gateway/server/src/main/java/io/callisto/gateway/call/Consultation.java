package io.callisto.gateway.call;

import io.callisto.core.acd.AgentState;
import io.callisto.core.ids.TenantId;
import io.callisto.gateway.media.audio.PromptPlayer;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.sip.sdp.Answer;
import io.callisto.gateway.sip.sdp.Direction;
import io.callisto.gateway.sip.sdp.NegotiatedMedia;
import io.callisto.gateway.sip.sdp.OfferAnswer;
import io.callisto.gateway.sip.sdp.SdpParser;
import io.callisto.gateway.sip.sdp.SessionDescription;
import io.callisto.gateway.sip.stack.SipEndpoint;
import io.callisto.gateway.sip.stack.SipHeader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An attended transfer begun on an agent's softphone. The caller is held (waiting music on the customer's relay);
 * the agent's browser media moves to a consultation relay (side A), where they hear ringback and then the colleague,
 * whose device (softphone or SIP phone) rings on side B. Completing it hands the interaction to the colleague in the
 * ACD and moves them onto the customer's relay where the agent was: a browser keeps hearing one stream, a SIP phone
 * is re-INVITEd there. Cancelling it, or the colleague declining, hanging up or vanishing, moves the agent back.
 * <p>
 * Its state is the customer's call's: every change runs under that call's lock, so the two never wait on each other.
 * Once the colleague has the caller, their device's events pass through to the call as any agent's would.
 */
final class Consultation implements AgentLegEvents {
    private static final System.Logger LOG = System.getLogger(Consultation.class.getName());
    private static final Set<AgentState> BUSY = EnumSet.of(AgentState.RESERVED, AgentState.RINGING, AgentState.BUSY,
            AgentState.OFFLINE);
    private static final long REINVITE_TIMEOUT_SECONDS = 32;
    private enum State { RINGING, CONNECTED, MOVING, HANDED_OVER, ENDED }

    private final CustomerCall call;
    private final CallServices services;
    private final AgentAttempt transferor;
    private final String colleagueId;
    private final RtpBridge bridge;
    private final SdpOrigin origin = SdpOrigin.fresh();
    private State state = State.RINGING;
    private SessionDescription offer;
    private AgentLeg colleague;
    private NegotiatedMedia colleagueMedia;
    private PromptPlayer ringback;
    private AgentAttempt adopted;

    private Consultation(CustomerCall call, CallServices services, AgentAttempt transferor, String colleagueId,
                         RtpBridge bridge) {
        this.call = call;
        this.services = services;
        this.transferor = transferor;
        this.colleagueId = colleagueId;
        this.bridge = bridge;
    }

    /**
     * Starts consulting {@code colleagueId} (under the call's lock): null when they cannot be consulted (not an agent
     * of the tenant, the agent themselves, busy, offline, already consulting, no device) or the agent's device cannot
     * move its media (a SIP phone transfers with its own REFER).
     */
    static Consultation start(CustomerCall call, CallServices services, SipEndpoint endpoint, AgentAttempt transferor,
                              String colleagueId, NegotiatedMedia callerMedia) {
        TenantId tenant = call.tenant();
        if (colleagueId == null || colleagueId.equals(transferor.agentId) || transferor.media == null
                || call.registry().inConsultation(tenant, colleagueId)
                || services.acd().snapshot(tenant).agent(colleagueId).map(a -> BUSY.contains(a.state())).orElse(true)) {
            return null;
        }
        RtpBridge relay = services.relay().open();
        Consultation consultation = new Consultation(call, services, transferor, colleagueId, relay);
        if (!transferor.leg.moveMedia(relay, Side.A)) {
            relay.close();
            return null;
        }
        consultation.offer = OfferAnswer.offer(services.mediaHost(), relay.leg(Side.B).rtpPort(),
                List.of(callerMedia.codec()), callerMedia.hasTelephoneEvent() ? MediaPlumbing.AGENT_TELEPHONE_EVENT : -1,
                Direction.SENDRECV, consultation.origin.sessionId(), consultation.origin.next());
        consultation.ringback = PromptPlayer.loop(relay, Side.A, MediaPlumbing.ringback(MediaPlumbing.law(callerMedia)));
        call.registry().add(consultation);
        try {
            consultation.colleague = AgentDevices.ring(services, endpoint, new BrowserAgents.Ring(tenant, colleagueId,
                    call.id(), transferor.agentId, colleagueId, null, call.contact(), relay, Side.B,
                    callerMedia.codec().encoding(), callerMedia.hasTelephoneEvent(), consultation.offer.toString(),
                    BrowserAgents.Direction.CONSULTATION), consultation, new SipPhoneEvents(consultation, referTo -> false),
                    new SipHeader("X-Callisto-Consultation", call.id())).orElse(null);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "call {0}: cannot ring {1} for a consultation: {2}", call.id(),
                    colleagueId, e.getMessage());
        }
        if (consultation.colleague == null) {
            transferor.leg.moveMedia(call.relay(), Side.B);
            consultation.release();
            return null;
        }
        transferor.leg.consultation(colleagueId, "ringing", null);
        return consultation;
    }

    String colleagueId() {
        return colleagueId;
    }

    TenantId tenant() {
        return call.tenant();
    }

    boolean uses(RtpBridge candidate) {
        return bridge == candidate;
    }

    /** Whether the agent is consulting or consulted here (and so not to be offered a customer's call). */
    boolean involves(String agentId) {
        synchronized (call) {
            return state != State.ENDED && state != State.HANDED_OVER
                    && (colleagueId.equals(agentId) || transferor.agentId.equals(agentId));
        }
    }

    // ---- the consulting agent ----------------------------------------------------------------------------------

    /** Back to the caller: the colleague's device stops ringing or hangs up. False when there is nothing to cancel. */
    boolean cancel() {
        synchronized (call) {
            if (state != State.RINGING && state != State.CONNECTED) {
                return false;
            }
            over(null);
            return true;
        }
    }

    /**
     * Hands the caller to the colleague, who must have answered. A browser's media moves at once; a SIP phone is
     * re-INVITEd onto the customer's relay and the transfer completes (or is undone) when it answers.
     */
    boolean complete() {
        synchronized (call) {
            if (state != State.CONNECTED || !call.handOver(transferor.agentId, colleagueId)) {
                return false;
            }
            if (colleague.moveMedia(call.relay(), Side.B)) {
                handedOver(offer, colleagueMedia);
                return true;
            }
            state = State.MOVING;
            // the phone's dialog goes on: same origin, next version
            SessionDescription onCustomer = OfferAnswer.offer(services.mediaHost(), call.relay().leg(Side.B).rtpPort(),
                    List.of(colleagueMedia.codec()), colleagueMedia.hasTelephoneEvent()
                            ? MediaPlumbing.AGENT_TELEPHONE_EVENT : -1, Direction.SENDRECV, origin.sessionId(), origin.next());
            colleague.reinvite(onCustomer.toString()).orTimeout(REINVITE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .whenCompleteAsync((answer, error) -> moved(onCustomer, error == null ? answer : null),
                            task -> Thread.ofVirtual().start(task));
            return true;
        }
    }

    /** The colleague's SIP phone answered the re-INVITE onto the customer's relay (null: refused or silent). */
    private void moved(SessionDescription onCustomer, String answer) {
        synchronized (call) {
            if (state != State.MOVING) {
                return;
            }
            NegotiatedMedia media = null;
            try {
                media = answer == null ? null : OfferAnswer.accept(onCustomer, SdpParser.parse(answer));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "call {0}: {1}''s phone answered the transfer with unusable SDP: {2}",
                        call.id(), colleagueId, e.getMessage());
            }
            if (media != null) {
                MediaPlumbing.point(call.relay(), Side.B, media);
                handedOver(onCustomer, media);
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "call {0}: {1}''s phone did not take the transferred call; back to {2}",
                    call.id(), colleagueId, transferor.agentId);
            over("the colleague's phone did not take the call");
        }
    }

    /** Under the call's lock: the colleague's media is on the customer's relay; they have the caller from now on. */
    private void handedOver(SessionDescription offered, NegotiatedMedia media) {
        state = State.HANDED_OVER;
        adopted = new AgentAttempt(call, colleagueId, offered, origin);
        adopted.leg = colleague;
        adopted.media = media;
        call.adopt(this, transferor, adopted);
        release();
        call.showTo(colleague);
    }

    /** The customer's call ended (either party, or the system): the consultation goes with it. */
    void callEnded() {
        synchronized (call) {
            if (state == State.HANDED_OVER || state == State.ENDED) {
                return;
            }
            state = State.ENDED;
            colleague.hangUp();
            release();
        }
    }

    /**
     * Under the call's lock: the consultation ends without a transfer. The colleague's device stops, the agent's media
     * goes back to the caller, who is taken off hold; {@code why} (null when the agent cancelled) is shown to the agent.
     */
    private void over(String why) {
        if (state == State.MOVING) {
            // the ACD handed the caller over already: back to the agent, who is still on the consultation
            call.handOver(colleagueId, transferor.agentId);
        }
        state = State.ENDED;
        if (!colleague.isEnded()) {
            colleague.hangUp();
        }
        transferor.leg.moveMedia(call.relay(), Side.B);
        release();
        call.consultationOver(this);
        transferor.leg.consultation(null, null, why);
    }

    private void release() {
        if (ringback != null) {
            ringback.stop();
        }
        bridge.close();
        call.registry().remove(this);
    }

    /** The relay heard nothing from the colleague's phone for too long: it is gone. */
    void mediaSilent(Side side) {
        synchronized (call) {
            if (side == Side.B && state == State.CONNECTED) {
                over("the colleague's phone went silent");
            }
        }
    }

    // ---- the colleague's device (AgentLegEvents); passed through to the call once they have the caller -----------

    @Override
    public void ringing() {
        // the agent was told it rings when it started
    }

    @Override
    public void answered(String sdp) {
        synchronized (call) {
            if (state != State.RINGING) {
                colleague.hangUp();
                return;
            }
            try {
                colleagueMedia = OfferAnswer.accept(offer, SdpParser.parse(sdp == null ? "" : sdp));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "call {0}: {1} answered the consultation with unusable SDP: {2}",
                        call.id(), colleagueId, e.getMessage());
                over("the colleague's device answered with media the call cannot use");
                return;
            }
            MediaPlumbing.point(bridge, Side.B, colleagueMedia);
            MediaPlumbing.map(bridge, transferor.media, colleagueMedia);
            ringback.stop();
            bridge.connect();
            state = State.CONNECTED;
            transferor.leg.consultation(colleagueId, "connected", null);
        }
    }

    @Override
    public void failed(int status) {
        synchronized (call) {
            if (state == State.RINGING) {
                over(status == 486 || status == 600 ? "the colleague is busy"
                        : status == 603 ? "the colleague declined" : "the colleague could not be reached");
            }
        }
    }

    @Override
    public void hungUp() {
        AgentAttempt now = passThrough();
        if (now != null) {
            now.hungUp();
            return;
        }
        synchronized (call) {
            if (state == State.CONNECTED || state == State.MOVING) {
                over("the colleague hung up");
            }
        }
    }

    @Override
    public void lost() {
        AgentAttempt now = passThrough();
        if (now != null) {
            now.lost();
            return;
        }
        synchronized (call) {
            if (state == State.CONNECTED || state == State.MOVING) {
                over("the colleague's device is gone");
            }
        }
    }

    @Override
    public boolean transfer(String toQueueId, String toAgentId) {
        AgentAttempt now = passThrough();
        return now != null && now.transfer(toQueueId, toAgentId);
    }

    @Override
    public boolean consult(String otherColleague) {
        AgentAttempt now = passThrough();
        return now != null && now.consult(otherColleague);
    }

    @Override
    public boolean completeTransfer() {
        AgentAttempt now = passThrough();
        return now != null && now.completeTransfer();
    }

    @Override
    public boolean cancelConsult() {
        AgentAttempt now = passThrough();
        return now != null && now.cancelConsult();
    }

    @Override
    public String reoffer(String sdp) {
        AgentAttempt now = passThrough();
        if (now != null) {
            return now.reoffer(sdp);
        }
        synchronized (call) {
            if (state != State.CONNECTED) {
                return null;
            }
            Answer answer = Reinvites.answer(services.mediaHost(), bridge, Side.B, sdp, colleagueMedia.codec(), origin);
            if (answer == null) {
                return null;
            }
            colleagueMedia = answer.media();
            MediaPlumbing.map(bridge, transferor.media, colleagueMedia);
            return answer.description().toString();
        }
    }

    /** The colleague's attempt on the customer's call once they have it, else null. */
    private AgentAttempt passThrough() {
        synchronized (call) {
            return state == State.HANDED_OVER ? adopted : null;
        }
    }
}
