package io.callisto.gateway.media.rtp;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a leg's peer said it receives media, from its SDP: {@code c=} address and {@code m=} port for
 * RTP, {@code a=rtcp} (default port + 1) for RTCP, and {@code a=rtcp-mux}. Symmetric RTP may later
 * send elsewhere (see {@link RelayLeg}).
 *
 * @param rtp     RTP address
 * @param rtcp    RTCP address (ignored when {@code rtcpMux})
 * @param rtcpMux RTCP shares the RTP port (RFC 5761)
 */
public record MediaEndpoint(InetSocketAddress rtp, InetSocketAddress rtcp, boolean rtcpMux) {

    public MediaEndpoint {
        Objects.requireNonNull(rtp, "rtp");
        Objects.requireNonNull(rtcp, "rtcp");
        if (rtp.isUnresolved() || rtcp.isUnresolved()) {
            throw new IllegalArgumentException("media endpoint address must be resolved: " + rtp + ", " + rtcp);
        }
    }

    /** The common case: RTP at host:port, RTCP at host:port+1, no mux. */
    public static MediaEndpoint of(String host, int rtpPort) {
        return of(new InetSocketAddress(host, rtpPort));
    }

    public static MediaEndpoint of(InetSocketAddress rtp) {
        return new MediaEndpoint(rtp, new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1), false);
    }

    /** RTP and RTCP on one port (RFC 5761). */
    public static MediaEndpoint muxed(InetSocketAddress rtp) {
        return new MediaEndpoint(rtp, rtp, true);
    }
}
