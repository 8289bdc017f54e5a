package io.callisto.gateway.sip.sdp;

import java.util.Objects;

/**
 * The outcome of one leg's offer/answer, which is what the media relay is configured from.
 *
 * @param remoteAddress     where to send RTP (an IP literal; 0.0.0.0 for an RFC 2543 hold)
 * @param remoteRtpPort     the peer's RTP port
 * @param remoteRtcpPort    the peer's RTCP port: its {@code a=rtcp}, else RTP port + 1 (RFC 3550 11)
 * @param codec             the audio codec, under the payload type the peer expects to receive
 * @param telephoneEventType the RFC 4733 telephone-event/8000 payload type, or -1 when none was agreed
 * @param ptime             packetization time in ms (the peer's {@code a=ptime}, else 20)
 * @param direction         what the gateway does on this leg: SENDONLY means it sends to the peer and ignores
 *                          what the peer sends (as {@code io.callisto.gateway.media.rtp.MediaDirection})
 */
public record NegotiatedMedia(String remoteAddress, int remoteRtpPort, int remoteRtcpPort, RtpMap codec,
                              int telephoneEventType, int ptime, Direction direction) {

    /** RFC 3551's default packetization for G.711 when no {@code a=ptime} is given. */
    public static final int DEFAULT_PTIME = 20;

    public NegotiatedMedia {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(direction, "direction");
        if (remoteRtpPort < 1 || remoteRtpPort > 65535 || remoteRtcpPort < 1 || remoteRtcpPort > 65535) {
            throw new IllegalArgumentException("remote ports must be 1..65535");
        }
        if (telephoneEventType < -1 || telephoneEventType > 127) {
            throw new IllegalArgumentException("telephone-event payload type must be -1 or 0..127");
        }
        if (ptime < 1) {
            throw new IllegalArgumentException("ptime must be positive");
        }
    }

    /** True when a telephone-event payload type was agreed. */
    public boolean hasTelephoneEvent() {
        return telephoneEventType >= 0;
    }

    /** What a section of a peer's SDP tells the relay: where to send, and which of the peer's numbers mean what. */
    static NegotiatedMedia from(SessionDescription peer, MediaDescription section, RtpMap codec, int telephoneEventType,
                                Direction direction) {
        Connection address = peer.connectionAddress(section)
                .orElseThrow(() -> new SdpException("media section has no connection address"));
        int port = section.port();
        // RTP ports are even, so port + 1 overflows only for a port no peer should use; keep it in range then
        int rtcpPort = section.rtcp().map(Rtcp::port).filter(p -> p > 0).orElse(port < 65535 ? port + 1 : port);
        return new NegotiatedMedia(address.address(), port, rtcpPort, codec, telephoneEventType,
                section.ptime().orElse(DEFAULT_PTIME), direction);
    }
}
