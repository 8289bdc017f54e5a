package io.callisto.gateway.call;

import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AgentState;
import io.callisto.core.calls.CallDirection;
import io.callisto.core.calls.CallDisposition;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.HangupSide;
import io.callisto.core.error.CallistoException;
import io.callisto.core.ids.TenantId;
import io.callisto.core.telephony.Trunk;
import io.callisto.gateway.media.audio.PromptPlayer;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.sip.auth.DigestClient;
import io.callisto.gateway.sip.registrar.Binding;
import io.callisto.gateway.sip.sdp.Answer;
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

/**
 * An agent's outbound call: the agent's phone rings first (side A of the relay); once the agent answers they hear
 * ringback while the number is dialled through the tenant's trunk (side B), with the trunk's digest credentials
 * when the carrier challenges and the trunk's failover hosts when a host is unreachable or overloaded; the
 * carrier's answer connects the two. The agent is set away ("outbound") meanwhile, so no inbound offer rings them.
 * For this direction the record's CALLER side is the called customer.
 */
final class OutboundCall {
    private static final System.Logger LOG = System.getLogger(OutboundCall.class.getName());
    private enum State { RINGING_AGENT, DIALING, CONNECTED, ENDED }

    private final CallServices services;
    private final SipEndpoint endpoint;
    private final TenantId tenant;
    private final String id;
    private final String agentId;
    private final String to;
    private final String callerId;
    private final Trunk trunk;
    private final Runnable onEnd;
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
    private boolean wasAvailable;
    private Instant answeredAt;
    private final CallRecording recording = new CallRecording();
    private final SdpOrigin agentOrigin = SdpOrigin.fresh();
    private final SdpOrigin carrierOrigin = SdpOrigin.fresh();
    private final HoldClock hold = new HoldClock();
    private NegotiatedMedia carrierMedia;

    OutboundCall(CallServices services, SipEndpoint endpoint, TenantId tenant, String id, String agentId, String to,
                 String callerId, Trunk trunk, Runnable onEnd) {
        this.services = services;
        this.endpoint = endpoint;
        this.tenant = tenant;
        this.id = id;
        this.agentId = agentId;
        this.to = to;
        this.callerId = callerId;
        this.trunk = trunk;
        this.onEnd = onEnd;
        this.startedAt = services.clock().instant();
        hosts.add(trunk.host() + ":" + trunk.port());
        trunk.failoverHosts().forEach(h -> hosts.add(h.contains(":") ? h : h + ":" + trunk.port()));
    }

    TenantId tenant() {
        return tenant;
    }

    /** Starts or stops recording on demand (see {@code LiveCallRecording}); with an agent, only theirs. */
    synchronized boolean recordOnDemand(String agent, boolean on) {
        return recording.demand(on, agent == null || agent.equals(agentId), state == State.CONNECTED,
                services.recordings(), tenant, id, bridge);
    }

    String id() {
        return id;
    }

    /** Rings the agent's phone. */
    synchronized void start(Binding phone) {
        prepare(OfferAnswer.SUPPORTED);
        agentLeg = new SipAgentLeg(endpoint.invite(new OutgoingInvite(phone.contact(), phone.sourceHost(),
                phone.sourcePort(), phone.transport(), "sip:" + to + "@" + endpoint.host() + ":" + endpoint.port(),
                "Outbound call", "sip:" + phone.username() + "@" + tenant.value(), agentOffer.toString(),
                List.of(new SipHeader("X-Callisto-Call", id))), new SipPhoneEvents(new AgentSide(), referTo -> false)));
    }

    /**
     * Starts with the agent's browser softphone, which dialled: its media comes up at once (PCMU, which every
     * browser offers; the carrier is then offered the same, so nothing is transcoded), then the number is dialled.
     */
    synchronized void start(BrowserAgents browsers) {
        prepare(List.of(io.callisto.gateway.sip.sdp.RtpMap.PCMU));
        agentLeg = browsers.ring(new BrowserAgents.Ring(tenant, agentId, id, callerId, to, null, null, bridge, Side.A,
                "PCMU", true, agentOffer.toString(), BrowserAgents.Direction.OUTBOUND), new AgentSide())
                .orElseThrow(() -> io.callisto.core.error.Errors.conflict("softphone-unavailable",
                        "the agent's softphone is not connected or is on another call"));
    }

    private void prepare(List<io.callisto.gateway.sip.sdp.RtpMap> codecs) {
        bridge = services.relay().open();
        wasAvailable = services.acd().snapshot(tenant).agent(agentId).map(a -> a.state() == AgentState.AVAILABLE)
                .orElse(false);
        if (wasAvailable) {
            acd(new AcdCommand.SetPresence(agentId, AgentState.AWAY, "outbound"));
        }
        agentOffer = OfferAnswer.offer(services.mediaHost(), bridge.leg(Side.A).rtpPort(), codecs,
                MediaPlumbing.AGENT_TELEPHONE_EVENT, Direction.SENDRECV, agentOrigin.sessionId(), agentOrigin.next());
    }

    private synchronized void agentAnswered(String sdp) {
        if (state != State.RINGING_AGENT) {
            agentLeg.hangUp();
            return;
        }
        try {
            agentMedia = OfferAnswer.accept(agentOffer, SdpParser.parse(sdp == null ? "" : sdp));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "outbound call {0}: the agent's phone answered with unusable SDP", id);
            end(HangupSide.SYSTEM, CallDisposition.FAILED, 488);
            return;
        }
        MediaPlumbing.point(bridge, Side.A, agentMedia);
        ringback = PromptPlayer.loop(bridge, Side.A, MediaPlumbing.ringback(MediaPlumbing.law(agentMedia)));
        state = State.DIALING;
        dial(null);
    }

    /** Sends the INVITE to the current host; {@code authorization} answers a carrier's challenge. */
    private void dial(SipHeader authorization) {
        carrierOffer = OfferAnswer.offer(services.mediaHost(), bridge.leg(Side.B).rtpPort(), List.of(agentMedia.codec()),
                agentMedia.hasTelephoneEvent() ? MediaPlumbing.AGENT_TELEPHONE_EVENT : -1, Direction.SENDRECV,
                carrierOrigin.sessionId(), carrierOrigin.next());
        String host = hosts.getFirst();
        List<SipHeader> headers = authorization == null ? List.of() : List.of(authorization);
        String from = "sip:" + (callerId == null ? "anonymous" : callerId) + "@" + endpoint.host() + ":" + endpoint.port();
        carrierLeg = endpoint.invite(new OutgoingInvite("sip:" + to + "@" + host, null, 0,
                trunk.transport().name().toLowerCase(java.util.Locale.ROOT), from, null, "sip:" + to + "@" + host,
                carrierOffer.toString(), headers), new CarrierSide());
    }

    private synchronized void carrierAnswered(String sdp) {
        if (state != State.DIALING) {
            carrierLeg.hangUp();
            return;
        }
        try {
            carrierMedia = OfferAnswer.accept(carrierOffer, SdpParser.parse(sdp == null ? "" : sdp));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "outbound call {0}: the carrier answered with unusable SDP", id);
            end(HangupSide.SYSTEM, CallDisposition.FAILED, 488);
            return;
        }
        MediaPlumbing.point(bridge, Side.B, carrierMedia);
        MediaPlumbing.map(bridge, agentMedia, carrierMedia);
        ringback.stop();
        bridge.connect();
        answeredAt = services.clock().instant();
        state = State.CONNECTED;
        agentLeg.farEndAnswered();
    }

    private synchronized void carrierFailed(SipLeg leg, int status) {
        if (leg != carrierLeg || state != State.DIALING) {
            return;
        }
        if ((status == 401 || status == 407) && !authenticated && trunk.hasCredentials() && !leg.challenges().isEmpty()) {
            authenticated = true;
            try {
                String header = new DigestClient().authorize(leg.challenges(), trunk.username(), trunk.password(),
                        "INVITE", "sip:" + to + "@" + hosts.getFirst());
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

    private synchronized void hungUp(HangupSide side) {
        if (state != State.ENDED) {
            end(side, answeredAt != null ? CallDisposition.ANSWERED
                    : side == HangupSide.AGENT ? CallDisposition.ABANDONED : CallDisposition.FAILED, 200);
        }
    }

    private synchronized void agentFailed(int status) {
        if (state == State.RINGING_AGENT) {
            end(HangupSide.AGENT, CallDisposition.NO_ANSWER, status);
        }
    }

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
        recording.stop(bridge);
        if (bridge != null) {
            bridge.close();
        }
        if (wasAvailable) {
            acd(new AcdCommand.SetPresence(agentId, AgentState.AVAILABLE, null));
        }
        Instant now = services.clock().instant();
        long held = hold.seconds(now);
        try {
            services.records().record(tenant, new CallRecord(id, CallDirection.OUTBOUND, callerId, to, null, trunk.id(),
                    null, agentId, null, startedAt, answeredAt, now, 0,
                    answeredAt == null ? 0 : Math.max(0, Duration.between(answeredAt, now).toSeconds() - held), held,
                    disposition, side, cause, recording.name()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "outbound call " + id + ": its record could not be stored", e);
        }
        onEnd.run();
    }

    private void acd(AcdCommand command) {
        try {
            services.acd().execute(tenant, command);
        } catch (CallistoException e) {
            LOG.log(System.Logger.Level.DEBUG, "outbound call {0}: the ACD refused {1}: {2}", id, command, e.code());
        }
    }

    synchronized void shutdown() {
        if (state != State.ENDED) {
            end(HangupSide.SYSTEM, answeredAt != null ? CallDisposition.ANSWERED : CallDisposition.FAILED, 503);
        }
    }

    /** A re-INVITE (hold, resume) from the agent's phone (A) or the carrier (B) once connected; null refuses it. */
    private synchronized String reinvite(Side side, String offerText) {
        if (state != State.CONNECTED) {
            return null;
        }
        Answer answer = Reinvites.answer(services.mediaHost(), bridge, side, offerText,
                (side == Side.A ? agentMedia : carrierMedia).codec(), side == Side.A ? agentOrigin : carrierOrigin);
        if (answer == null) {
            return null;
        }
        if (side == Side.A) {
            agentMedia = answer.media();
        } else {
            carrierMedia = answer.media();
        }
        MediaPlumbing.map(bridge, agentMedia, carrierMedia);
        hold.set(side, HoldClock.holds(answer.media()), services.clock().instant());
        return answer.description().toString();
    }

    /** The agent's device: their SIP phone (through {@link SipPhoneEvents}) or their softphone. */
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
            OutboundCall.this.hungUp(HangupSide.AGENT);
        }

        @Override
        public void lost() {
            OutboundCall.this.hungUp(HangupSide.SYSTEM);
        }

        @Override
        public boolean transfer(String toQueueId, String toAgentId) {
            return false; // an outbound call is not transferred (yet)
        }

        @Override
        public String reoffer(String sdp) {
            return reinvite(Side.A, sdp);
        }
    }

    /** The carrier's leg. */
    private final class CarrierSide implements LegListener {
        @Override
        public void onAnswered(SipLeg leg, String sdp) {
            carrierAnswered(sdp);
        }

        @Override
        public void onFailed(SipLeg leg, int status, String reason) {
            carrierFailed(leg, status);
        }

        @Override
        public void onBye(SipLeg leg) {
            hungUp(HangupSide.CALLER);
        }

        @Override
        public String onReinvite(SipLeg leg, String offer) {
            return reinvite(Side.B, offer);
        }
    }
}
