package io.callisto.gateway.softphone;

import io.callisto.gateway.media.webrtc.BrowserOffer;
import io.callisto.gateway.media.webrtc.InvalidOfferException;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * The SDP of a browser call's two sides: the browser's offer checked against the caller's codec (the gateway does not
 * transcode), and the browser's media described to the relay as a SIP phone's would be.
 */
final class BrowserSdp {
    private BrowserSdp() {
    }

    /** A browser's offer that can carry the call: the codec's and telephone-event's payload types in it (-1: none). */
    record Negotiated(BrowserOffer offer, int payloadType, int eventType) {
    }

    static Negotiated negotiate(String sdp, String codec, boolean telephoneEvents, String callId) {
        BrowserOffer offer;
        try {
            offer = BrowserOffer.parse(sdp);
        } catch (InvalidOfferException e) {
            throw new SignallingException("invalid-sdp", e.getMessage(), callId);
        }
        int payloadType = offer.payloadTypeOf(codec).orElseThrow(() -> new SignallingException("invalid-sdp",
                "the offer has no " + codec + "/8000, the caller's codec (the gateway does not transcode)", callId));
        return new Negotiated(offer, payloadType, telephoneEvents ? offer.telephoneEvent() : -1);
    }

    /**
     * The browser's media as the relay sees it: its address on the ICE pair, the caller's codec and telephone-event
     * ({@code eventType} -1: none) under the browser's payload types.
     */
    static String relay(long sessionId, long version, InetSocketAddress address, String codec, int codecType,
                        int eventType, String direction) {
        String ip = address.getAddress().getHostAddress();
        StringBuilder sdp = new StringBuilder(256).append("v=0\r\n")
                .append("o=browser ").append(sessionId).append(' ').append(version).append(" IN IP4 ").append(ip)
                .append("\r\ns=-\r\nc=IN IP4 ").append(ip).append("\r\nt=0 0\r\n")
                .append("m=audio ").append(address.getPort()).append(" RTP/AVP ").append(codecType);
        if (eventType >= 0) {
            sdp.append(' ').append(eventType);
        }
        sdp.append("\r\na=rtpmap:").append(codecType).append(' ').append(codec.toUpperCase(Locale.ROOT))
                .append("/8000\r\n");
        if (eventType >= 0) {
            sdp.append("a=rtpmap:").append(eventType).append(" telephone-event/8000\r\n");
        }
        return sdp.append("a=").append(direction).append("\r\n").toString();
    }
}
