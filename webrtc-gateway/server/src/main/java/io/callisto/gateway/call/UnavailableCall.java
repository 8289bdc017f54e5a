package io.callisto.gateway.call;

import io.callisto.core.calls.CallDirection;
import io.callisto.core.calls.CallDisposition;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.HangupSide;
import io.callisto.core.ids.Ids;
import io.callisto.gateway.media.audio.G711;
import io.callisto.gateway.media.audio.PromptPlayer;
import io.callisto.gateway.media.audio.RingbackTone;
import io.callisto.gateway.media.audio.WavPrompt;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.sip.sdp.Answer;
import io.callisto.gateway.sip.sdp.Direction;
import io.callisto.gateway.sip.sdp.OfferAnswer;
import io.callisto.gateway.sip.sdp.SdpParser;
import io.callisto.gateway.sip.stack.IncomingRequest;
import io.callisto.gateway.sip.stack.LegListener;
import io.callisto.gateway.sip.stack.SipEndpoint;
import io.callisto.gateway.sip.stack.SipLeg;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * A call to a tenant that may not take calls now (suspended for non-payment, not paid yet, canceled): it is
 * answered, hears the configured message once (or, without one, three bursts of a reorder-like tone), and is hung
 * up; it is never queued. The call's record says REFUSED with SIP cause 480.
 */
final class UnavailableCall {
    private static final System.Logger LOG = System.getLogger(UnavailableCall.class.getName());
    private static final Duration AFTER_MESSAGE = Duration.ofMillis(500);

    private UnavailableCall() {
    }

    /** Plays the message and hangs up; {@code message} gives the prompt for a G.711 law (null: the built-in tone). */
    static void play(CallServices services, SipEndpoint endpoint, InboundAdmission.Admitted admitted,
                     IncomingRequest invite, Function<G711.Law, WavPrompt> message) {
        Instant started = services.clock().instant();
        RtpBridge bridge = services.relay().open();
        try {
            Answer answer = OfferAnswer.answer(SdpParser.parse(invite.body()), services.mediaHost(),
                    bridge.leg(Side.A).rtpPort(), Direction.SENDONLY, System.nanoTime() & 0xffffffL, 1);
            MediaPlumbing.point(bridge, Side.A, answer.media());
            SipLeg leg = endpoint.accept(invite, new LegListener() { });
            leg.answer(answer.description().toString());
            G711.Law law = MediaPlumbing.law(answer.media());
            WavPrompt prompt = message == null ? null : message.apply(law);
            if (prompt == null) {
                prompt = RingbackTone.cadence(law, 330, 330, 950, 1400, 1800);
            }
            PromptPlayer player = message == null ? PromptPlayer.loop(bridge, Side.A, prompt)
                    : PromptPlayer.once(bridge, Side.A, prompt);
            Duration length = message == null ? Duration.ofMillis(3 * 660) : prompt.duration();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(length.plus(AFTER_MESSAGE));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                player.stop();
                leg.hangUp();
                bridge.close();
                record(services, admitted, invite, started);
            });
        } catch (RuntimeException e) {
            bridge.close();
            LOG.log(System.Logger.Level.WARNING, "the unavailable message could not be played: " + e);
            invite.respond(io.callisto.gateway.sip.stack.SipResponse.of(480, "Temporarily Unavailable"));
        }
    }

    private static void record(CallServices services, InboundAdmission.Admitted admitted, IncomingRequest invite,
                               Instant started) {
        try {
            services.records().record(admitted.route().tenant(), new CallRecord(Ids.next('c'), CallDirection.INBOUND,
                    invite.fromUri().user(), admitted.route().e164(), admitted.route().numberId(), admitted.trunk().id(),
                    null, null, null, started, null, services.clock().instant(), 0, 0, 0, CallDisposition.REFUSED,
                    HangupSide.SYSTEM, 480, null));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a refused call's record could not be stored: " + e);
        }
    }
}
