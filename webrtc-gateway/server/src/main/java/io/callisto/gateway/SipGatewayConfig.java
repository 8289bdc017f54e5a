package io.callisto.gateway;

import java.util.Objects;

/**
 * The gateway's network settings: where SIP listens (CALLISTO_SIP_HOST, CALLISTO_SIP_PORT) and where media binds
 * (CALLISTO_MEDIA_HOST, CALLISTO_RTP_PORTS as "from-to").
 */
public record SipGatewayConfig(String sipHost, int sipPort, String mediaHost, String rtpPorts) {
    public SipGatewayConfig {
        Objects.requireNonNull(sipHost);
        Objects.requireNonNull(mediaHost);
        Objects.requireNonNull(rtpPorts);
        if (sipPort < 0 || sipPort > 65_535) {
            throw new IllegalArgumentException("CALLISTO_SIP_PORT must be 0..65535");
        }
    }

    public static SipGatewayConfig loopbackDefaults() {
        return new SipGatewayConfig("127.0.0.1", 5060, "127.0.0.1", "20000-40000");
    }
}
