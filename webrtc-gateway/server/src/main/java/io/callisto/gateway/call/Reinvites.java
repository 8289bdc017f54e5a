package io.callisto.gateway.call;

import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.sip.sdp.Answer;
import io.callisto.gateway.sip.sdp.Direction;
import io.callisto.gateway.sip.sdp.OfferAnswer;
import io.callisto.gateway.sip.sdp.RtpMap;
import io.callisto.gateway.sip.sdp.SdpParser;
import java.util.List;

/**
 * A re-INVITE's offer on one side of a call's relay (hold, resume, a new address): answered with that side's codec
 * only, so that nothing is ever transcoded, and the relay pointed at the new address with the new direction.
 */
final class Reinvites {
    private static final System.Logger LOG = System.getLogger(Reinvites.class.getName());

    private Reinvites() {
    }

    /** The answer, the relay already re-pointed; null (to be refused 488) when the offer cannot be answered. */
    static Answer answer(String mediaHost, RtpBridge bridge, Side side, String offerText, RtpMap codec, SdpOrigin origin) {
        try {
            Answer answer = OfferAnswer.answer(SdpParser.parse(offerText), mediaHost, bridge.leg(side).rtpPort(),
                    Direction.SENDRECV, origin.sessionId(), origin.current() + 1, codec == null ? OfferAnswer.SUPPORTED
                            : List.of(codec));
            origin.next(); // the version moves only with a description actually sent
            MediaPlumbing.point(bridge, side, answer.media());
            return answer;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "re-INVITE offer refused: {0}", e.getMessage());
            return null;
        }
    }
}
