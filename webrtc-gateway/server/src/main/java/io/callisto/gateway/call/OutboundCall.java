package io.callisto.gateway.call;

import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.ContactRef;
import io.callisto.core.calls.CallDisposition;
import io.callisto.core.calls.HangupSide;
import io.callisto.core.error.CallistoException;
import io.callisto.core.ids.TenantId;
import io.callisto.core.telephony.Trunk;
import io.callisto.gateway.media.audio.G711;
import io.callisto.gateway.media.audio.PromptPlayer;
import io.callisto.gateway.media.audio.WavPrompt;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.sip.auth.DigestClient;
import io.callisto.gateway.sip.registrar.Binding;
import io.callisto.gateway.sip.sdp.Direction;
import io.callisto.gateway.sip.sdp.NegotiatedMedia;
import io.callisto.gateway.sip.sdp.OfferAnswer;
import io.callisto.gateway.sip.sdp.SdpParser;
import io.callisto.gateway.sip.sdp.SessionDescription;
import io.callisto.gateway.sip.stack.LegListener;
import io.callisto.gateway.sip.stack.OutgoingInvite;
import io.callisto.gateway.sip.stack.SipEndpoint;
import io.callisto.gateway.sip.stack.SipHeader;
import io.callisto.gateway.sip.stack.SipLeg;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An agent's outbound call until the customer answers. It is an interaction of the ACD from the start, connected to
 * the agent (in the queue it is placed for), so that no offer rings them meanwhile. The agent's phone rings first, or
 * their softphone's media comes up at once (side B of the relay); then they hear ringback while the number is dialled
 * through the tenant's trunk (side A), with the trunk's digest credentials when the carrier challenges and its
 * failover hosts when a host is unreachable or overloaded. The customer's answer connects the two, and from then on
 * the call is a {@link CustomerCall} like any other (hold, recording, blind and attended transfer, its record): this
 * call hands it both legs and passes their events on. A call nobody answered ends here: its interaction with what the
 * network said and no wrap-up, its record as OUTBOUND with the customer as the called party.
 */
final class OutboundCall {
    private static final System.Logger LOG = System.getLogger(OutboundCall.class.getName());
    private enum State { RINGING_AGENT, DIALING, ANSWERED, ENDED }
    /** The caller id of a call placed without one: what the customer is shown, and the record's {@code from}. */
    static final String ANONYMOUS = "anonymous";

    /**
     * Where a placed call is carried: the relay, the registry it joins once answered, what customers hear waiting, and
     * how long the agent's device and then the customer may take to answer before the call ends unanswered.
     */
    record Carriage(CallServices services, SipEndpoint endpoint, CallRegistry registry,
                    Function<G711.Law, WavPrompt> waitingMusic, Duration agentAnswer, Duration customerAnswer) {
    }

    /**
     * What is dialled: the line (the customer's number, the caller id shown with its number id, the queue), the trunk
     * it runs on and the customer's CRM contact, if known.
     */
    record Dialled(CustomerLine line, Trunk trunk, ContactRef contact) {
    }

    private final Carriage carriage;
    private final CallServices services;
    private final String id;
    private final String agentId;
    private final Dialled dialled;
    /** Whom the call connects, as its record and (once answered) the customer's call name them. */
    private final CustomerLine line;
    private final Runnable forget;
    private final Runnable releaseChannel;
    private final Instant startedAt;
    private final List<String> hosts = new ArrayList<>();
    private State state = State.RINGING_AGENT;
    private RtpBridge bridge;
    private SessionDescription agentOffer;
    private NegotiatedMedia agentMedia;
    private SessionDescription carrierOffer;
    private AgentLeg agentLeg;
    private SipLeg carrierLeg;
    private PromptPlayer ringback;
    private boolean authenticated;
    private boolean interactionStarted;
    private final SdpOrigin agentOrigin = SdpOrigin.fresh();
    private final SdpOrigin carrierOrigin = SdpOrigin.fresh();
    /** Once answered: the agent's side and the customer's leg events, as the customer's call takes them. */
    private volatile AgentAttempt agent;
    private volatile LegListener customer;

    /** {@code forget} drops the call from the dialler's calls; {@code releaseChannel} frees its trunk channel. */
    OutboundCall(Carriage carriage, String id, String agentId, Dialled dialled, Runnable forget, Runnable releaseChannel) {
        this.carriage = carriage;
        this.services = carriage.services();
        this.id = id;
        this.agentId = agentId;
        this.dialled = dialled;
        this.line = dialled.line();
        this.forget = forget;
        this.releaseChannel = releaseChannel;
        this.startedAt = services.clock().instant();
        Trunk trunk = dialled.trunk();
        hosts.add(trunk.host() + ":" + trunk.port());
        trunk.failoverHosts().forEach(h -> hosts.add(h.contains(":") ? h : h + ":" + trunk.port()));
    }

    TenantId tenant() {
        return line.tenant();
    }

    /** Recording starts once the customer has answered (the call is then the customer's call): refused before. */
    boolean recordOnDemand(String requester, boolean on) {
        if (requester != null && !requester.equals(agentId)) {
            throw io.callisto.core.error.Errors.notFound("call");
        }
        throw io.callisto.core.error.Errors.conflict("not-connected", "the call is not connected");
    }

    String id() {
        return id;
    }

    /** Rings the agent's phone. */
    synchronized void start(Binding phone) {
        prepare(OfferAnswer.SUPPORTED);
        expireIn(carriage.agentAnswer(), State.RINGING_AGENT);
        SipEndpoint endpoint = carriage.endpoint();
        agentLeg = new SipAgentLeg(endpoint.invite(new OutgoingInvite(phone.contact(), phone.sourceHost(),
                phone.sourcePort(), phone.transport(), "sip:" + line.customer() + "@" + endpoint.host() + ":"
                + endpoint.port(), "Outbound call", "sip:" + phone.username() + "@" + line.tenant().value(),
                agentOffer.toString(), List.of(new SipHeader("X-Callisto-Call", id))),
                new SipPhoneEvents(new AgentSide(), this::referred)));
    }

    /**
     * Starts with the agent's browser softphone, which dialled: its media comes up at once (PCMU, which every
     * browser offers; the carrier is then offered the same, so nothing is transcoded), then the number is dialled.
     */
    synchronized void start(BrowserAgents browsers) {
        prepare(List.of(io.callisto.gateway.sip.sdp.RtpMap.PCMU));
        expireIn(carriage.agentAnswer(), State.RINGING_AGENT);
        agentLeg = browsers.ring(new BrowserAgents.Ring(line.tenant(), agentId, id, line.ourNumber(), line.customer(),
                line.queueId(), dialled.contact(), bridge, Side.B, "PCMU", true, agentOffer.toString(),
                BrowserAgents.Direction.OUTBOUND), new AgentSide())
                .orElseThrow(() -> io.callisto.core.error.Errors.conflict("softphone-unavailable",
                        "the agent's softphone is not connected or is on another call"));
    }

    /** The ACD's interaction first (refused while the agent is offline, on a call or wrapping up), then the relay. */
    private void prepare(List<io.callisto.gateway.sip.sdp.RtpMap> codecs) {
        services.acd().execute(line.tenant(), new AcdCommand.DialOut(line.interaction(id, dialled.contact()), agentId));
        interactionStarted = true;
        bridge = services.relay().open();
        agentOffer = OfferAnswer.offer(services.mediaHost(), bridge.leg(Side.B).rtpPort(), codecs,
                MediaPlumbing.AGENT_TELEPHONE_EVENT, Direction.SENDRECV, agentOrigin.sessionId(), agentOrigin.next());
    }

    private synchronized void agentAnswered(String sdp) {
        if (state != State.RINGING_AGENT) {
            if (state == State.ENDED) {
                agentLeg.hangUp();
            }
            return;
        }
        try {
            agentMedia = OfferAnswer.accept(agentOffer, SdpParser.parse(sdp == null ? "" : sdp));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "outbound call {0}: the agent's phone answered with unusable SDP", id);
            end(HangupSide.SYSTEM, CallDisposition.FAILED, 488);
            return;
        }
        MediaPlumbing.point(bridge, Side.B, agentMedia);
        ringback = PromptPlayer.loop(bridge, Side.B, MediaPlumbing.ringback(MediaPlumbing.law(agentMedia)));
        state = State.DIALING;
        expireIn(carriage.customerAnswer(), State.DIALING);
        dial(null);
    }

    /**
     * Ends the call unanswered if it is still in {@code phase} after {@code after}: a phone that rings on and on, a
     * page closed before its softphone took the call, a carrier that never gives up would keep the agent BUSY.
     */
    private void expireIn(Duration after, State phase) {
        CompletableFuture.delayedExecutor(after.toMillis(), TimeUnit.MILLISECONDS).execute(() -> expired(phase, after));
    }

    private synchronized void expired(State phase, Duration after) {
        if (state == phase) {
            LOG.log(System.Logger.Level.INFO, "outbound call {0}: the {1} did not answer within {2}", id,
                    phase == State.RINGING_AGENT ? "agent's device" : "customer", after);
            end(phase == State.RINGING_AGENT ? HangupSide.AGENT : HangupSide.CALLER, CallDisposition.NO_ANSWER, 408);
        }
    }

    /** Sends the INVITE to the current host; {@code authorization} answers a carrier's challenge. */
    private void dial(SipHeader authorization) {
        carrierOffer = OfferAnswer.offer(services.mediaHost(), bridge.leg(Side.A).rtpPort(), List.of(agentMedia.codec()),
                agentMedia.hasTelephoneEvent() ? MediaPlumbing.AGENT_TELEPHONE_EVENT : -1, Direction.SENDRECV,
                carrierOrigin.sessionId(), carrierOrigin.next());
        String host = hosts.getFirst();
        List<SipHeader> headers = authorization == null ? List.of() : List.of(authorization);
        SipEndpoint endpoint = carriage.endpoint();
        String from = "sip:" + line.ourNumber() + "@" + endpoint.host() + ":" + endpoint.port();
        String to = "sip:" + line.customer() + "@" + host;
        carrierLeg = endpoint.invite(new OutgoingInvite(to, null, 0,
                dialled.trunk().transport().name().toLowerCase(java.util.Locale.ROOT), from, null, to,
                carrierOffer.toString(), headers), new CarrierSide());
    }

    /** The customer answered: the call, both legs and the relay are handed to a customer's call, connected. */
    private synchronized void carrierAnswered(SipLeg leg, String sdp) {
        if (state != State.DIALING || leg != carrierLeg) {
            leg.hangUp();
            return;
        }
        NegotiatedMedia carrierMedia;
        try {
            carrierMedia = OfferAnswer.accept(carrierOffer, SdpParser.parse(sdp == null ? "" : sdp));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "outbound call {0}: the carrier answered with unusable SDP", id);
            end(HangupSide.SYSTEM, CallDisposition.FAILED, 488);
            return;
        }
        MediaPlumbing.point(bridge, Side.A, carrierMedia);
        MediaPlumbing.map(bridge, carrierMedia, agentMedia);
        ringback.stop();
        bridge.connect();
        try {
            services.acd().execute(line.tenant(), new AcdCommand.DialAnswered(id, agentId));
        } catch (CallistoException e) {
            // the interaction's time then runs from the dial: the call itself goes on
            LOG.log(System.Logger.Level.WARNING, "outbound call {0}: the ACD refused the answer: {1}", id, e.code());
        }
        CustomerCall call = new CustomerCall(services, carriage.endpoint(), carriage.registry(), line, id, startedAt,
                releaseChannel, carriage.waitingMusic());
        AgentAttempt answered = new AgentAttempt(call, agentId, agentOffer, agentOrigin);
        answered.leg = agentLeg;
        answered.media = agentMedia;
        try {
            call.adoptDialled(carrierLeg, carrierMedia, carrierOrigin, bridge, answered, dialled.contact());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "outbound call " + id + ": the answered call could not be taken on", e);
            end(HangupSide.SYSTEM, CallDisposition.FAILED, 500);
            return;
        }
        // from now on both legs' events are the customer's call's (see AgentSide, CarrierSide)
        agent = answered;
        customer = call.customerListener();
        state = State.ANSWERED;
        forget.run();
        agentLeg.farEndAnswered();
    }

    private synchronized void carrierFailed(SipLeg leg, int status) {
        if (leg != carrierLeg || state != State.DIALING) {
            return;
        }
        Trunk trunk = dialled.trunk();
        if ((status == 401 || status == 407) && !authenticated && trunk.hasCredentials() && !leg.challenges().isEmpty()) {
            authenticated = true;
            try {
                String header = new DigestClient().authorize(leg.challenges(), trunk.username(), trunk.password(),
                        "INVITE", "sip:" + line.customer() + "@" + hosts.getFirst());
                dial(new SipHeader(status == 407 ? "Proxy-Authorization" : "Authorization", header));
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "outbound call {0}: cannot answer the carrier's challenge: {1}", id,
                        e.getMessage());
            }
        }
        if ((status == 408 || status == 503 || status >= 500 && status < 600) && hosts.size() > 1) {
            LOG.log(System.Logger.Level.INFO, "outbound call {0}: {1} answered {2}; trying the next host", id,
                    hosts.getFirst(), status);
            hosts.removeFirst();
            authenticated = false;
            dial(null);
            return;
        }
        end(HangupSide.CALLER, status == 486 || status == 600 ? CallDisposition.BUSY
                : status == 408 || status == 480 || status == 487 ? CallDisposition.NO_ANSWER : CallDisposition.FAILED,
                status);
    }

    /** False once the customer answered: the customer's call has the legs now and takes the hang-up. */
    private synchronized boolean hungUp(HangupSide side) {
        if (state == State.ANSWERED) {
            return false;
        }
        if (state != State.ENDED) {
            end(side, side == HangupSide.AGENT ? CallDisposition.ABANDONED : CallDisposition.FAILED, 200);
        }
        return true;
    }

    private synchronized void agentFailed(int status) {
        if (state == State.RINGING_AGENT) {
            end(HangupSide.AGENT, CallDisposition.NO_ANSWER, status);
        }
    }

    /** Ends a call nobody answered: both legs, the relay, the interaction (no wrap-up) and the record. */
    private void end(HangupSide side, CallDisposition disposition, int cause) {
        state = State.ENDED;
        if (ringback != null) {
            ringback.stop();
        }
        if (agentLeg != null) {
            agentLeg.hangUp();
        }
        if (carrierLeg != null) {
            carrierLeg.hangUp();
        }
        if (bridge != null) {
            bridge.close();
        }
        forget.run();
        releaseChannel.run();
        if (!interactionStarted) {
            return; // the ACD refused the call: nothing was placed
        }
        try {
            services.acd().execute(line.tenant(), new AcdCommand.DialUnanswered(id, agentId,
                    disposition.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        } catch (CallistoException e) {
            LOG.log(System.Logger.Level.DEBUG, "outbound call {0}: the ACD refused its end: {1}", id, e.code());
        }
        Instant now = services.clock().instant();
        try {
            services.records().record(line.tenant(), line.detail(id, agentId, startedAt, null, now, 0,
                    new CustomerLine.Ending(disposition, side, cause), null));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "outbound call " + id + ": its record could not be stored", e);
        }
    }

    synchronized void shutdown() {
        if (state != State.ENDED && state != State.ANSWERED) {
            end(HangupSide.SYSTEM, CallDisposition.FAILED, 503);
        }
    }

    /** A REFER from the agent's SIP phone: a transfer once the customer has answered, refused before. */
    private boolean referred(String referTo) {
        AgentAttempt answered = agent;
        return answered != null && answered.referred(referTo);
    }

    /**
     * The agent's device: their SIP phone (through {@link SipPhoneEvents}) or their softphone. Until the customer
     * answers its events are this call's; then they are the customer's call's, through the agent's attempt.
     */
    private final class AgentSide implements AgentLegEvents {
        @Override
        public void ringing() {
            // the agent placed the call: nothing rings on their side
        }

        @Override
        public void answered(String sdp) {
            agentAnswered(sdp);
        }

        @Override
        public void failed(int status) {
            agentFailed(status);
        }

        @Override
        public void hungUp() {
            if (!OutboundCall.this.hungUp(HangupSide.AGENT)) {
                agent.hungUp();
            }
        }

        @Override
        public void lost() {
            if (!OutboundCall.this.hungUp(HangupSide.SYSTEM)) {
                agent.lost();
            }
        }

        @Override
        public boolean transfer(String toQueueId, String toAgentId) {
            AgentAttempt answered = agent;
            return answered != null && answered.transfer(toQueueId, toAgentId);
        }

        @Override
        public boolean consult(String colleagueId) {
            AgentAttempt answered = agent;
            return answered != null && answered.consult(colleagueId);
        }

        @Override
        public boolean completeTransfer() {
            AgentAttempt answered = agent;
            return answered != null && answered.completeTransfer();
        }

        @Override
        public boolean cancelConsult() {
            AgentAttempt answered = agent;
            return answered != null && answered.cancelConsult();
        }

        @Override
        public String reoffer(String sdp) {
            AgentAttempt answered = agent;
            return answered == null ? null : answered.reoffer(sdp);
        }
    }

    /**
     * The carrier's leg: this call's until the customer answers, then the customer's call's. Passed on rather than
     * re-pointed with {@code SipLeg.listenWith}: a BYE that reached this listener while the answer was being handed
     * over would otherwise find the call answered and be lost.
     */
    private final class CarrierSide implements LegListener {
        @Override
        public void onAnswered(SipLeg leg, String sdp) {
            carrierAnswered(leg, sdp);
        }

        @Override
        public void onFailed(SipLeg leg, int status, String reason) {
            carrierFailed(leg, status);
        }

        @Override
        public void onBye(SipLeg leg) {
            if (!hungUp(HangupSide.CALLER)) {
                customer.onBye(leg);
            }
        }

        @Override
        public String onReinvite(SipLeg leg, String offer) {
            LegListener answered = customer;
            return answered == null ? null : answered.onReinvite(leg, offer);
        }
    }
}
