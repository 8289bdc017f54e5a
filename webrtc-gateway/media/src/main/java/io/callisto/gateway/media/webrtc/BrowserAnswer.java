package io.callisto.gateway.media.webrtc;

import java.util.List;

/**
 * The gateway's SDP answer to a browser (JSEP): the audio section with one G.711 codec and telephone-event under the
 * browser's own payload types, DTLS server ({@code a=setup:passive}), rtcp-mux, the leg's ICE credentials and host
 * candidate, and our one stream's SSRC; every other section rejected (port 0) under its mid, so BUNDLE stays valid.
 *
 * @param codecPayloadType    the browser's payload type for the caller's codec
 * @param codecName           {@code PCMU} or {@code PCMA}
 * @param telephoneEventType  the browser's telephone-event/8000 payload type, or -1
 */
public record BrowserAnswer(BrowserOffer offer, String address, int codecPayloadType, String codecName,
                            int telephoneEventType, String iceUfrag, String icePassword, String fingerprint,
                            List<IceCandidate> candidates, long ssrc, String cname, long sessionId, long version,
                            boolean sending) {
    private static final String CRLF = "\r\n";

    public String toSdp() {
        StringBuilder sdp = new StringBuilder(1024);
        sdp.append("v=0").append(CRLF)
                .append("o=callisto ").append(sessionId).append(' ').append(version).append(" IN IP4 ").append(address)
                .append(CRLF)
                .append("s=-").append(CRLF)
                .append("t=0 0").append(CRLF)
                .append("a=group:BUNDLE ").append(offer.audioMid()).append(CRLF)
                .append("a=msid-semantic: WMS callisto").append(CRLF);
        List<BrowserOffer.Section> sections = offer.sections();
        for (int i = 0; i < sections.size(); i++) {
            if (i == offer.audio()) {
                audio(sdp);
            } else {
                rejected(sdp, sections.get(i));
            }
        }
        return sdp.toString();
    }

    private void audio(StringBuilder sdp) {
        int port = candidates.isEmpty() ? 9 : candidates.getFirst().port();
        sdp.append("m=audio ").append(port).append(" UDP/TLS/RTP/SAVPF ").append(codecPayloadType);
        if (telephoneEventType >= 0) {
            sdp.append(' ').append(telephoneEventType);
        }
        sdp.append(CRLF).append("c=IN IP4 ").append(address).append(CRLF)
                .append("a=rtcp:").append(port).append(" IN IP4 ").append(address).append(CRLF)
                .append("a=ice-ufrag:").append(iceUfrag).append(CRLF)
                .append("a=ice-pwd:").append(icePassword).append(CRLF)
                .append("a=fingerprint:").append(fingerprint).append(CRLF)
                .append("a=setup:passive").append(CRLF)
                .append("a=mid:").append(offer.audioMid()).append(CRLF)
                .append(sending ? "a=sendrecv" : "a=recvonly").append(CRLF)
                .append("a=msid:callisto audio").append(CRLF)
                .append("a=rtcp-mux").append(CRLF)
                .append("a=rtpmap:").append(codecPayloadType).append(' ').append(codecName).append("/8000").append(CRLF);
        if (telephoneEventType >= 0) {
            sdp.append("a=rtpmap:").append(telephoneEventType).append(" telephone-event/8000").append(CRLF)
                    .append("a=fmtp:").append(telephoneEventType).append(" 0-16").append(CRLF);
        }
        sdp.append("a=ptime:20").append(CRLF)
                .append("a=ssrc:").append(ssrc).append(" cname:").append(cname).append(CRLF);
        for (IceCandidate candidate : candidates) {
            sdp.append("a=candidate:").append(candidate.toSdp()).append(CRLF);
        }
        sdp.append("a=end-of-candidates").append(CRLF);
    }

    private static void rejected(StringBuilder sdp, BrowserOffer.Section section) {
        sdp.append("m=").append(section.kind()).append(" 0 ").append(section.protocol()).append(' ')
                .append(section.format()).append(CRLF).append("c=IN IP4 0.0.0.0").append(CRLF);
        if (section.mid() != null) {
            sdp.append("a=mid:").append(section.mid()).append(CRLF);
        }
        sdp.append("a=inactive").append(CRLF);
    }
}
