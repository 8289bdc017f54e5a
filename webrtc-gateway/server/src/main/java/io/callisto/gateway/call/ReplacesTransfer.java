package io.callisto.gateway.call;

import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.sip.sdp.Direction;
import io.callisto.gateway.sip.sdp.NegotiatedMedia;
import io.callisto.gateway.sip.sdp.OfferAnswer;
import io.callisto.gateway.sip.sdp.SdpParser;
import io.callisto.gateway.sip.sdp.SessionDescription;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An attended transfer from an agent's SIP phone (REFER with Replaces): the agent has called a colleague from their
 * phone ({@link ConsultCall}) and now hands the caller to them. The ACD moves the interaction to the colleague at
 * once; the colleague's leg is taken over from the consultation and re-INVITEd onto the caller's relay; then the
 * transferring agent hears the transfer succeeded and both of their legs are hung up. If the colleague's phone
 * refuses the new media, the interaction goes back to the transferring agent, who is told the transfer failed and is
 * still with the caller. Changes run under the customer's call's lock.
 */
final class ReplacesTransfer {
    private static final System.Logger LOG = System.getLogger(ReplacesTransfer.class.getName());
    private static final long REINVITE_TIMEOUT_SECONDS = 32;

    private final CustomerCall call;
    private final AgentAttempt transferor;
    private final AgentAttempt adopted;
    private final ConsultCall consult;

    private ReplacesTransfer(CustomerCall call, AgentAttempt transferor, AgentAttempt adopted, ConsultCall consult) {
        this.call = call;
        this.transferor = transferor;
        this.adopted = adopted;
        this.consult = consult;
    }

    /** Under the call's lock, the agent {@code a} connected: false when refused (the call goes on as it was). */
    static boolean start(CustomerCall call, CallServices services, AgentAttempt a, TransferTargets.Replaces dialog,
                         NegotiatedMedia callerMedia) {
        ConsultCall consult = call.registry().consultation(call.tenant(), a.agentId, dialog).orElse(null);
        ConsultCall.Handoff handoff = consult == null ? null : consult.handOff();
        if (handoff == null) {
            LOG.log(System.Logger.Level.INFO, "call {0}: attended transfer refused: no consultation {1} of agent {2}",
                    call.id(), dialog.callId(), a.agentId);
            return false;
        }
        if (!call.handOver(a.agentId, handoff.agentId())) {
            consult.takeBack();
            return false;
        }
        SdpOrigin origin = SdpOrigin.continuing(handoff.sessionId(), handoff.sessionVersion());
        SessionDescription offer = OfferAnswer.offer(services.mediaHost(), call.relay().leg(Side.B).rtpPort(),
                List.of(callerMedia.codec()), callerMedia.hasTelephoneEvent() ? MediaPlumbing.AGENT_TELEPHONE_EVENT : -1,
                Direction.SENDRECV, origin.sessionId(), origin.next());
        AgentAttempt adopted = new AgentAttempt(call, handoff.agentId(), offer, origin);
        adopted.leg = new SipAgentLeg(handoff.leg());
        adopted.media = handoff.media();
        handoff.leg().listenWith(adopted.sipPhone());
        ReplacesTransfer transfer = new ReplacesTransfer(call, a, adopted, consult);
        call.replacing(transfer, adopted);
        // the answer is awaited off the SIP stack's threads; a phone that never answers the re-INVITE fails it
        handoff.leg().reinvite(offer.toString()).orTimeout(REINVITE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenCompleteAsync((answer, error) -> {
                    try {
                        transfer.handedOver(error == null ? answer : null);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "call " + call.id() + ": completing the attended transfer "
                                + "failed", e);
                    }
                }, task -> Thread.ofVirtual().start(task));
        return true;
    }

    /**
     * The colleague's phone answered the re-INVITE onto the caller's relay (or refused it or never answered:
     * {@code answer} null). Whatever happened, the consultation's remains and the transferor's legs do not outlive it.
     */
    private void handedOver(String answer) {
        synchronized (call) {
            if (!call.replaced(this)) {
                return; // the call ended meanwhile, which took care of the transferor's legs
            }
            NegotiatedMedia media = null;
            if (answer != null && call.isWith(adopted)) {
                try {
                    media = OfferAnswer.accept(adopted.offer, SdpParser.parse(answer));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "call {0}: {1}''s phone answered the transfer with unusable "
                            + "SDP: {2}", call.id(), adopted.agentId, e.getMessage());
                }
            }
            if (media != null) {
                call.agentMediaMoved(media);
                consult.finishHandOff();
                transferor.leg.transferSucceeded();
                return;
            }
            if (!call.isWith(adopted)) {
                // the colleague hung up meanwhile: nothing to go back to
                consult.finishHandOff();
                transferor.leg.hangUp();
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "call {0}: {1}''s phone refused the transferred call''s media; back to "
                    + "{2}", call.id(), adopted.agentId, transferor.agentId);
            adopted.leg.hangUp();
            // back to the transferor first, while their consultation still keeps them from being offered another call
            boolean back = !transferor.leg.isEnded() && call.handOver(adopted.agentId, transferor.agentId);
            consult.finishHandOff();
            if (!back) {
                call.transferFailedForGood();
                transferor.leg.hangUp();
                return;
            }
            call.replacing(null, transferor);
            transferor.leg.transferFailed();
        }
    }

    /** The call ended while the transfer was completing: the transferor's legs go too. */
    void callEnded() {
        transferor.leg.hangUp();
        consult.finishHandOff();
    }
}
