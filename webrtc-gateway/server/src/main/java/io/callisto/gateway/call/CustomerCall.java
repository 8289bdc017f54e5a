package io.callisto.gateway.call;

import io.callisto.core.acd.AcdCommand;
import io.callisto.core.calls.CallDisposition;
import io.callisto.core.calls.HangupSide;
import io.callisto.core.error.CallistoException;
import io.callisto.core.ids.TenantId;
import io.callisto.gateway.media.audio.G711;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.sip.sdp.Answer;
import io.callisto.gateway.sip.sdp.Direction;
import io.callisto.gateway.sip.sdp.NegotiatedMedia;
import io.callisto.gateway.sip.sdp.OfferAnswer;
import io.callisto.gateway.sip.sdp.SdpParser;
import io.callisto.gateway.sip.sdp.SessionDescription;
import io.callisto.gateway.sip.stack.IncomingRequest;
import io.callisto.gateway.sip.stack.LegListener;
import io.callisto.gateway.sip.stack.SipEndpoint;
import io.callisto.gateway.sip.stack.SipHeader;
import io.callisto.gateway.sip.stack.SipLeg;
import io.callisto.gateway.sip.stack.SipResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A customer's call through the B2BUA, the customer's leg on side A of the relay and the agent's on side B. An inbound
 * call's leg is answered at once and hears ringback while the call waits in the ACD; each offer rings the agent's
 * phone or softphone; the agent's answer connects the two sides, G.711 passing through untouched. A call an agent
 * placed joins connected, once the customer answers ({@link #adoptDialled}). Either way it can then be held, recorded,
 * transferred (blind: back through the ACD; attended: after a consultation) until either side hangs up, which ends
 * both legs, the ACD's interaction and the call's detail record. State changes are serialized on the call.
 */
public final class CustomerCall {
    private static final System.Logger LOG = System.getLogger(CustomerCall.class.getName());
    private enum State { STARTING, QUEUED, CONNECTED, ENDED }

    private final CallServices services;
    private final SipEndpoint endpoint;
    private final CallRegistry registry;
    private final CustomerLine line;
    private final Runnable releaseChannel;
    private final String id;
    private final Instant startedAt;
    private State state = State.STARTING;
    private IncomingRequest invite;
    private SipLeg callerLeg;
    private NegotiatedMedia callerMedia;
    private RtpBridge bridge;
    private WaitingSound waiting;
    private AgentAttempt attempt;
    private ReplacesTransfer replacing;
    private Consultation consultation;
    private io.callisto.core.acd.ContactRef contact;
    private String connectedAgent;
    private Instant connectedAt;
    private SdpOrigin callerOrigin = SdpOrigin.fresh();
    private final HoldClock hold = new HoldClock();
    private final CallRecording recording = new CallRecording();
    private final SerialEvents events = new SerialEvents();
    private final java.util.function.Function<G711.Law, io.callisto.gateway.media.audio.WavPrompt> waitingMusic;

    /** Started at {@code startedAt}: an inbound call by {@link #start}, a call an agent placed by {@link #adoptDialled}. */
    CustomerCall(CallServices services, SipEndpoint endpoint, CallRegistry registry, CustomerLine line, String id,
                 Instant startedAt, Runnable releaseChannel,
                 java.util.function.Function<G711.Law, io.callisto.gateway.media.audio.WavPrompt> waitingMusic) {
        this.waitingMusic = waitingMusic;
        this.services = services;
        this.endpoint = endpoint;
        this.registry = registry;
        this.line = line;
        this.id = id;
        this.releaseChannel = releaseChannel;
        this.startedAt = startedAt;
    }

    /** The ACD's events for this call, in order. */
    SerialEvents events() {
        return events;
    }

    /** The call's id, which is also its interaction's id in the ACD. */
    public String id() {
        return id;
    }

    TenantId tenant() {
        return line.tenant();
    }

    /** Negotiates media, answers with ringback, and enters the call into the ACD. */
    synchronized void start(IncomingRequest request) {
        invite = request;
        SessionDescription offer = SdpParser.parse(request.body());
        bridge = services.relay().open();
        Answer answer = OfferAnswer.answer(offer, services.mediaHost(), bridge.leg(Side.A).rtpPort(), Direction.SENDRECV,
                callerOrigin.sessionId(), callerOrigin.next());
        callerMedia = answer.media();
        MediaPlumbing.point(bridge, Side.A, callerMedia);
        registry.add(this);
        callerLeg = endpoint.accept(request, new CallerListener());
        invite = null;
        callerLeg.answer(answer.description().toString());
        waiting = waitingSound();
        waiting.play();
        state = State.QUEUED;
        try {
            contact = services.contacts().match(tenant(), line.customer()).orElse(null);
            services.interactions().enqueue(tenant(), line.interaction(id, contact));
        } catch (CallistoException e) {
            LOG.log(System.Logger.Level.WARNING, "call {0} could not be queued: {1}", id, e.getMessage());
            end(HangupSide.SYSTEM, CallDisposition.FAILED, 503, true);
        }
    }

    /**
     * The customer answered the call {@code agent} placed: the call is theirs, connected, its customer's leg
     * ({@code customerLeg}, whose events the dialling call now passes on) on side A of {@code relay}, the agent's device
     * on side B, as negotiated. Recorded if the interaction's queue records its calls.
     */
    synchronized void adoptDialled(SipLeg customerLeg, NegotiatedMedia customerMedia, SdpOrigin customerOrigin,
                                   RtpBridge relay, AgentAttempt agent, io.callisto.core.acd.ContactRef customer) {
        callerLeg = customerLeg;
        callerMedia = customerMedia;
        callerOrigin = customerOrigin;
        bridge = relay;
        attempt = agent;
        contact = customer;
        waiting = waitingSound();
        startConnected(agent.agentId);
        registry.add(this); // last: a call that could not be taken on is the dialling call's to end
    }

    /** Refuses the INVITE before any leg exists (bad SDP, no common codec, failure). */
    synchronized void refuse(int status, String reason) {
        if (invite != null) {
            invite.respond(SipResponse.of(status, reason));
            invite = null;
        } else if (callerLeg != null) {
            callerLeg.hangUp();
        }
        state = State.ENDED;
        cleanUp();
    }

    // ---- ACD events --------------------------------------------------------------------------------

    synchronized void offered(String agentId) {
        if (state != State.QUEUED || attempt != null) {
            return;
        }
        boolean consulting = registry.inConsultation(tenant(), agentId);
        SdpOrigin origin = SdpOrigin.fresh();
        SessionDescription offer = OfferAnswer.offer(services.mediaHost(), bridge.leg(Side.B).rtpPort(),
                List.of(callerMedia.codec()), callerMedia.hasTelephoneEvent() ? MediaPlumbing.AGENT_TELEPHONE_EVENT : -1,
                Direction.SENDRECV, origin.sessionId(), origin.next());
        AgentAttempt next = new AgentAttempt(this, agentId, offer, origin);
        attempt = next;
        try {
            next.leg = consulting ? null : AgentDevices.ring(services, endpoint, new BrowserAgents.Ring(tenant(), agentId,
                    id, line.customer(), line.ourNumber(), line.queueId(), contact, bridge, Side.B,
                    callerMedia.codec().encoding(), callerMedia.hasTelephoneEvent(), offer.toString(),
                    BrowserAgents.Direction.INBOUND), next, next.sipPhone(), new SipHeader("X-Callisto-Interaction", id))
                    .orElse(null);
            if (next.leg == null) {
                attempt = null;
                acd(new AcdCommand.Reject(id, agentId));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "call {0}: cannot ring agent {1}: {2}", id, agentId, e.getMessage());
            attempt = null;
            acd(new AcdCommand.Reject(id, agentId));
        }
    }

    synchronized void offerWithdrawn(String agentId) {
        if (attempt != null && attempt.agentId.equals(agentId) && state == State.QUEUED) {
            attempt.leg.hangUp();
            attempt = null;
        }
    }

    synchronized void endedByAcd() {
        if (state == State.QUEUED) {
            end(HangupSide.SYSTEM, CallDisposition.ABANDONED, 480, true);
        }
    }

    // ---- the agent's leg ---------------------------------------------------------------------------

    synchronized void agentRinging(AgentAttempt a) {
        if (attempt == a && state == State.QUEUED) {
            acd(new AcdCommand.Ringing(id, a.agentId));
        }
    }

    synchronized void agentAnswered(AgentAttempt a, String sdp) {
        if (attempt != a || state != State.QUEUED) {
            a.leg.hangUp();
            return;
        }
        NegotiatedMedia agentMedia;
        try {
            agentMedia = OfferAnswer.accept(a.offer, SdpParser.parse(sdp == null ? "" : sdp));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "call {0}: agent {1} answered with unusable SDP: {2}", id, a.agentId,
                    e.getMessage());
            a.leg.hangUp();
            attempt = null;
            acd(new AcdCommand.Reject(id, a.agentId));
            return;
        }
        try {
            services.acd().execute(tenant(), new AcdCommand.Accept(id, a.agentId));
        } catch (CallistoException e) {
            // the offer was withdrawn meanwhile (timeout, caller gone): this answer is too late
            a.leg.hangUp();
            attempt = null;
            return;
        }
        a.media = agentMedia;
        hold.set(Side.B, false, services.clock().instant());
        MediaPlumbing.point(bridge, Side.B, agentMedia);
        MediaPlumbing.map(bridge, callerMedia, agentMedia);
        waiting.stop();
        bridge.connect();
        startConnected(a.agentId);
    }

    private void startConnected(String agentId) {
        recording.startIfQueueRecords(services, tenant(), id, line.queueId(), bridge);
        connectedAgent = agentId;
        connectedAt = services.clock().instant();
        state = State.CONNECTED;
    }

    synchronized void agentFailed(AgentAttempt a, int status) {
        if (attempt != a) {
            return;
        }
        attempt = null;
        if (state == State.QUEUED) {
            LOG.log(System.Logger.Level.INFO, "call {0}: agent {1}'s phone refused or failed ({2})", id, a.agentId, status);
            // A phone that is busy, declines or cannot be reached would be offered the call again at once: the agent
            // is set away until they come back (in the same ACD step, so no second offer slips in between)
            acd(new AcdCommand.RejectAndAway(id, a.agentId, AgentAttempt.awayReasonFor(status)));
        }
    }

    /**
     * A blind transfer from the agent's phone (REFER): the target is another agent (by SIP username) or a queue
     * (by id) of the tenant. The ACD re-routes the call; the caller hears ringback again; the transferring agent's
     * leg is told the transfer succeeded and is hung up. Anything else (an outside number, an unknown name) is
     * declined and the call goes on.
     */
    synchronized boolean transferRequested(AgentAttempt a, String referTo) {
        if (attempt != a || state != State.CONNECTED) {
            return false;
        }
        java.util.Optional<TransferTargets.Replaces> replaces = TransferTargets.replacesOf(referTo);
        if (replaces.isPresent()) {
            return ReplacesTransfer.start(this, services, a, replaces.get(), callerMedia);
        }
        TransferTargets.Target target = TransferTargets.resolve(services, tenant(), referTo);
        return blindTransfer(a, target.queueId(), target.agentId());
    }

    /** The ACD re-routes the call to a queue or an agent; the caller hears ringback; the transferor leaves. */
    synchronized boolean blindTransfer(AgentAttempt a, String toQueue, String toAgent) {
        if (attempt != a || state != State.CONNECTED || consultation != null || (toAgent == null) == (toQueue == null)) {
            return false;
        }
        try {
            services.acd().execute(tenant(), new AcdCommand.Transfer(id, a.agentId, toQueue, toAgent));
        } catch (CallistoException e) {
            LOG.log(System.Logger.Level.INFO, "call {0}: transfer to {1} refused: {2}", id,
                    toAgent != null ? toAgent : toQueue, e.code());
            return false;
        }
        attempt = null;
        connectedAgent = null;
        state = State.QUEUED;
        hold.set(Side.B, false, services.clock().instant());
        waiting.play();
        a.leg.transferSucceeded();
        return true;
    }

    /** Under this call's lock: an attended transfer from a SIP phone is completing (or, null, done). */
    void replacing(ReplacesTransfer transfer, AgentAttempt agent) {
        replacing = transfer;
        attempt = agent;
    }

    /** Whether {@code transfer} was still completing; it is not any more. */
    boolean replaced(ReplacesTransfer transfer) {
        boolean was = replacing == transfer && transfer != null;
        replacing = null;
        return was;
    }

    /** Whether the call is connected to this agent's device. */
    boolean isWith(AgentAttempt agent) {
        return state == State.CONNECTED && attempt == agent;
    }

    /** The agent's device, re-INVITEd, now sends and receives media as {@code media} says on side B. */
    void agentMediaMoved(NegotiatedMedia media) {
        MediaPlumbing.point(bridge, Side.B, media);
        MediaPlumbing.map(bridge, callerMedia, media);
        attempt.media = media;
        hold.set(Side.B, false, services.clock().instant());
    }

    /** A transfer failed and the caller could not go back to anyone. */
    void transferFailedForGood() {
        end(HangupSide.SYSTEM, CallDisposition.FAILED, 500, true);
    }

    // ---- attended transfer from a softphone (see Consultation, whose changes run under this call's lock) ------

    synchronized boolean consult(AgentAttempt a, String colleagueId) {
        if (attempt != a || state != State.CONNECTED || consultation != null) {
            return false;
        }
        // nobody is on side B while the agent's media is away: nothing is sent there, its silence is no failure
        bridge.leg(Side.B).setDirection(io.callisto.gateway.media.rtp.MediaDirection.INACTIVE);
        consultation = Consultation.start(this, services, endpoint, a, colleagueId, callerMedia);
        if (consultation == null) {
            backFromConsultation();
            return false;
        }
        hold.set(Side.B, true, services.clock().instant());
        musicOnHold(true);
        return true;
    }

    synchronized boolean completeTransfer(AgentAttempt a) {
        return attempt == a && consultation != null && consultation.complete();
    }

    synchronized boolean cancelConsult(AgentAttempt a) {
        return attempt == a && consultation != null && consultation.cancel();
    }

    /** The ACD moves the interaction from one agent to another (an attended transfer); false when it refuses. */
    synchronized boolean handOver(String fromAgent, String toAgent) {
        if (state != State.CONNECTED) {
            return false;
        }
        try {
            services.acd().execute(tenant(), new AcdCommand.Handover(id, fromAgent, toAgent));
        } catch (CallistoException e) {
            LOG.log(System.Logger.Level.INFO, "call {0}: hand-over to {1} refused: {2}", id, toAgent, e.code());
            return false;
        }
        connectedAgent = toAgent;
        return true;
    }

    /** The colleague consulted has the caller (their media on side B): their attempt is the call's; the agent leaves. */
    synchronized void adopt(Consultation c, AgentAttempt transferor, AgentAttempt colleague) {
        if (consultation == c) {
            consultation = null;
            attempt = colleague;
            MediaPlumbing.map(bridge, callerMedia, colleague.media);
            backFromConsultation();
            transferor.leg.transferSucceeded();
        }
    }

    /** The consultation ended without a transfer: the agent's media is back on side B. */
    synchronized void consultationOver(Consultation c) {
        if (consultation == c) {
            consultation = null;
            backFromConsultation();
        }
    }

    /** Side B speaks again as the agent's device negotiated; the caller stays held only if the agent had held them. */
    private void backFromConsultation() {
        NegotiatedMedia media = attempt.media;
        bridge.leg(Side.B).setDirection(io.callisto.gateway.media.rtp.MediaDirection.valueOf(media.direction().name()));
        boolean held = HoldClock.holds(media);
        hold.set(Side.B, held, services.clock().instant());
        musicOnHold(held);
    }

    CallRegistry registry() {
        return registry;
    }

    RtpBridge relay() {
        return bridge;
    }

    io.callisto.core.acd.ContactRef contact() {
        return contact;
    }

    /** The agent's device shows this call (the caller, the number called, the queue, the contact). */
    void showTo(AgentLeg leg) {
        leg.nowWithCustomer(line.customer(), line.ourNumber(), line.queueId(), contact);
    }

    synchronized void agentHungUp(AgentAttempt a) {
        if (attempt == a && state == State.CONNECTED) {
            end(HangupSide.AGENT, CallDisposition.ANSWERED, 200, true);
        }
    }

    /** The agent's device vanished mid-call: the caller is hung up (408) and the agent set away (nobody is there). */
    synchronized void agentLost(AgentAttempt a) {
        if (attempt == a && state == State.CONNECTED) {
            end(HangupSide.SYSTEM, CallDisposition.ANSWERED, 408, true);
            acd(new AcdCommand.SetPresence(a.agentId, io.callisto.core.acd.AgentState.AWAY, AgentAttempt.awayReasonFor(408)));
        }
    }

    // ---- the caller's leg --------------------------------------------------------------------------

    private synchronized void callerHungUp() {
        if (state == State.ENDED) {
            return;
        }
        end(HangupSide.CALLER, state == State.CONNECTED ? CallDisposition.ANSWERED : CallDisposition.ABANDONED, 200,
                false);
    }

    /** A new offer from the agent's device (hold, resume); ignored from a device no longer on the call. */
    synchronized String agentReoffer(AgentAttempt a, String offerText) {
        return attempt == a && consultation == null ? reinvite(Side.B, offerText) : null;
    }

    /**
     * A re-INVITE from either side (hold, resume, a new address): answered with that side's codec, the relay
     * re-pointed and re-mapped, hold time counted while connected. Null (488) when it cannot be answered.
     */
    private synchronized String reinvite(Side side, String offerText) {
        AgentAttempt agent = attempt;
        if (state == State.ENDED || side == Side.B && agent == null) {
            return null;
        }
        NegotiatedMedia current = side == Side.A ? callerMedia : agent.media;
        Answer answer = Reinvites.answer(services.mediaHost(), bridge, side, offerText,
                current == null ? null : current.codec(), side == Side.A ? callerOrigin : agent.origin);
        if (answer == null) {
            return null;
        }
        if (side == Side.A) {
            callerMedia = answer.media();
        } else {
            agent.media = answer.media();
        }
        if (state == State.CONNECTED && agent != null && agent.media != null) {
            MediaPlumbing.map(bridge, callerMedia, agent.media);
            boolean held = HoldClock.holds(answer.media());
            hold.set(side, held, services.clock().instant());
            if (side == Side.B) {
                musicOnHold(held);
            }
        }
        return answer.description().toString();
    }

    /** While the agent holds the caller, the caller hears the waiting music (or ringback) instead of silence. */
    private void musicOnHold(boolean held) {
        if (held) {
            waiting.play();
        } else {
            waiting.stop();
        }
    }

    /** Ends both legs and the interaction, writes the record. {@code hangUpCaller}: the caller's leg is still up. */
    private void end(HangupSide side, CallDisposition disposition, int cause, boolean hangUpCaller) {
        State before = state;
        state = State.ENDED;
        if (hangUpCaller && callerLeg != null) {
            callerLeg.hangUp();
        }
        String agent = connectedAgent;
        // the ACD first: a softphone told the call ended sends its wrap-up's disposition at once, which must find
        // the interaction completed (else it completes it, and the agent's wrap-up runs its full time)
        if (before == State.CONNECTED) {
            acd(new AcdCommand.Complete(id, agent, null, null));
        } else if (before == State.QUEUED && side != HangupSide.SYSTEM) {
            acd(new AcdCommand.Abandon(id));
        }
        if (attempt != null) {
            attempt.leg.hangUp();
        }
        if (consultation != null) {
            consultation.callEnded();
            consultation = null;
        }
        if (replacing != null) {
            replacing.callEnded();
            replacing = null;
        }
        recording.stop(bridge);
        record(side, disposition, cause, agent);
        cleanUp();
    }

    private void record(HangupSide side, CallDisposition disposition, int cause, String agent) {
        Instant now = services.clock().instant();
        try {
            services.records().record(tenant(), line.detail(id, agent, startedAt, connectedAt, now, hold.seconds(now),
                    new CustomerLine.Ending(disposition, side, cause), recording.name()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "call " + id + ": its detail record could not be stored", e);
        }
    }

    private void cleanUp() {
        if (waiting != null) {
            waiting.stop();
        }
        recording.stop(bridge);
        if (bridge != null) {
            bridge.close();
        }
        registry.remove(this);
        releaseChannel.run();
    }

    private void acd(AcdCommand command) {
        try {
            services.acd().execute(tenant(), command);
        } catch (CallistoException e) {
            LOG.log(System.Logger.Level.DEBUG, "call {0}: the ACD refused {1}: {2}", id, command, e.code());
        }
    }

    /** Starts or stops recording on demand (see {@code LiveCallRecording}); with an agent, only theirs. */
    synchronized boolean recordOnDemand(String agentId, boolean on) {
        return recording.demand(on, agentId == null || agentId.equals(connectedAgent), state == State.CONNECTED,
                services.recordings(), tenant(), id, bridge);
    }

    synchronized boolean uses(RtpBridge candidate) {
        return bridge == candidate;
    }

    /**
     * No RTP from one side for the configured time: the far end is gone (crashed phone, dead carrier link), so the
     * call ends. The agent's side before it answered has nothing to send yet and does not count.
     */
    synchronized void mediaSilent(Side side, Duration silentFor) {
        if (state == State.ENDED || side == Side.B && state != State.CONNECTED) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "call {0}: no RTP from the {1} for {2}; ending it", id,
                side == Side.A ? "caller" : "agent", silentFor);
        end(HangupSide.SYSTEM, state == State.CONNECTED ? CallDisposition.ANSWERED : CallDisposition.ABANDONED, 408,
                true);
    }

    /** The gateway stops: every call ends. */
    synchronized void shutdown() {
        if (state != State.ENDED) {
            end(HangupSide.SYSTEM, state == State.CONNECTED ? CallDisposition.ANSWERED : CallDisposition.FAILED, 503,
                    true);
        }
    }

    /** What the customer hears waiting (music, or ringback), in their leg's law, on their side of the relay. */
    private WaitingSound waitingSound() {
        return new WaitingSound(bridge, MediaPlumbing.law(callerMedia), waitingMusic);
    }

    /** The events of the customer's leg. */
    LegListener customerListener() {
        return new CallerListener();
    }

    /** The caller's leg. */
    private final class CallerListener implements LegListener {
        @Override
        public void onBye(SipLeg leg) {
            callerHungUp();
        }

        @Override
        public void onCancel(SipLeg leg) {
            callerHungUp();
        }

        @Override
        public String onReinvite(SipLeg leg, String offer) {
            return reinvite(Side.A, offer);
        }
    }
}
