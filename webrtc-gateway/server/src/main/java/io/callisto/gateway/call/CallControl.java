package io.callisto.gateway.call;

import io.callisto.core.error.CallistoException;
import io.callisto.gateway.sip.sdp.NoCommonCodecException;
import io.callisto.gateway.sip.sdp.SdpException;
import io.callisto.gateway.sip.stack.IncomingRequest;
import io.callisto.gateway.sip.stack.SipEndpoint;
import io.callisto.gateway.sip.stack.SipHandler;
import io.callisto.gateway.sip.stack.SipResponse;

/**
 * New INVITEs from carriers and PBXs: admitted (number and trunk), checked against the trunk's channel limit
 * and the tenant's status, then carried by an {@link CustomerCall}. Every refusal is a SIP status and places no call.
 */
public final class CallControl implements SipHandler {
    private static final System.Logger LOG = System.getLogger(CallControl.class.getName());
    private final CallServices services;
    private final CallRegistry registry;
    private final InboundAdmission admission;
    private final ConsultAdmission consultAdmission;
    private final TrunkChannels channels;
    private volatile SipEndpoint endpoint;
    private volatile java.util.function.Function<io.callisto.gateway.media.audio.G711.Law,
            io.callisto.gateway.media.audio.WavPrompt> unavailableMessage;

    public CallControl(CallServices services, CallRegistry registry, io.callisto.gateway.sip.registrar.RegistrarAuth auth,
                       TrunkChannels channels, io.callisto.gateway.sip.registrar.SipAccounts agentAccounts) {
        this.services = services;
        this.registry = registry;
        this.channels = channels;
        this.admission = new InboundAdmission(services.directory(), auth);
        this.consultAdmission = new ConsultAdmission(services, registry, auth, agentAccounts);
    }

    /**
     * The message callers of a tenant that may not take calls hear (a WAV file in the negotiated G.711 law);
     * null for the built-in tone.
     */
    public void unavailableMessage(java.util.function.Function<io.callisto.gateway.media.audio.G711.Law,
            io.callisto.gateway.media.audio.WavPrompt> message) {
        this.unavailableMessage = message;
    }

    private volatile java.util.function.Function<io.callisto.gateway.media.audio.G711.Law,
            io.callisto.gateway.media.audio.WavPrompt> waitingMusic;

    /** What callers hear while they wait (looped); null for ringback. */
    public void waitingMusic(java.util.function.Function<io.callisto.gateway.media.audio.G711.Law,
            io.callisto.gateway.media.audio.WavPrompt> music) {
        this.waitingMusic = music;
    }

    /** The endpoint legs are made on (set once it listens). */
    public void attach(SipEndpoint sip) {
        this.endpoint = sip;
    }

    @Override
    public void onRequest(IncomingRequest invite) {
        InboundAdmission.Decision decision = admission.decide(invite);
        // Not one of the numbers, and addressed to a domain rather than to the gateway: an agent's phone calling a
        // colleague in its tenant's domain (numbers win, so carriers may address the gateway by any name).
        if (decision.refusal() != null && decision.refusal().status() == 404
                && ConsultAdmission.isForColleague(invite, endpoint.host())) {
            callColleague(invite);
            return;
        }
        if (decision.refusal() != null) {
            LOG.log(System.Logger.Level.INFO, "INVITE for {0} from {1} refused: {2}", invite.requestUriText(),
                    invite.source(), decision.refusal().status());
            invite.respond(decision.refusal());
            return;
        }
        InboundAdmission.Admitted admitted = decision.admitted();
        try {
            services.acd().requireWorking(admitted.route().tenant());
        } catch (CallistoException e) {
            // suspended, unpaid or canceled: the caller hears the message and the call is never queued
            UnavailableCall.play(services, endpoint, admitted, invite, unavailableMessage);
            return;
        }
        if (!channels.acquire(admitted.trunk())) {
            invite.respond(SipResponse.of(503, "Service Unavailable").withHeader("Retry-After", "5"));
            return;
        }
        String trunkId = admitted.trunk().id();
        CustomerCall call = new CustomerCall(services, endpoint, registry,
                CustomerLine.inbound(admitted, invite.fromUri().user()), io.callisto.core.ids.Ids.next('c'),
                services.clock().instant(), () -> channels.release(trunkId), waitingMusic);
        try {
            call.start(invite);
        } catch (NoCommonCodecException e) {
            call.refuse(488, "Not Acceptable Here");
        } catch (SdpException e) {
            call.refuse(400, "Bad Request: unusable SDP");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "call " + call.id() + " failed to start", e);
            call.refuse(500, "Server Internal Error");
        }
    }

    /** An agent's phone calls a colleague (to consult before an attended transfer, or just to talk). */
    private void callColleague(IncomingRequest invite) {
        ConsultAdmission.Decision decision = consultAdmission.decide(invite);
        if (decision.refusal() != null) {
            LOG.log(System.Logger.Level.INFO, "INVITE for {0} from {1} refused: {2}", invite.requestUriText(),
                    invite.source(), decision.refusal().status());
            invite.respond(decision.refusal());
            return;
        }
        ConsultAdmission.Admitted admitted = decision.admitted();
        ConsultCall call = new ConsultCall(services, registry, admitted.tenant(), admitted.fromAgent(), admitted.toAgent());
        try {
            call.start(endpoint, invite, admitted.phone());
        } catch (NoCommonCodecException e) {
            invite.respond(SipResponse.of(488, "Not Acceptable Here"));
        } catch (SdpException e) {
            invite.respond(SipResponse.of(400, "Bad Request: unusable SDP"));
        }
    }
}
