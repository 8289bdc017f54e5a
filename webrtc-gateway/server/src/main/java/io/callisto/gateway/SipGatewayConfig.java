package io.callisto.gateway;

import java.util.Objects;

/**
 * The gateway's network settings: where SIP listens (CALLISTO_SIP_HOST, CALLISTO_SIP_PORT), where media binds
 * (CALLISTO_MEDIA_HOST, CALLISTO_RTP_PORTS as "from-to"), and how long a call may carry no RTP at all before it
 * is ended (CALLISTO_RTP_TIMEOUT): a far end that vanished without a BYE never leaks a call or its ports.
 * {@code unavailablePrompt} (CALLISTO_UNAVAILABLE_PROMPT, optional) is the WAV callers of a tenant that may not take
 * calls (suspended for non-payment) hear before the gateway hangs up; without it they hear a tone. {@code tls}
 * (CALLISTO_SIP_TLS_KEYSTORE, a PKCS12 file, with CALLISTO_SIP_TLS_PASSWORD and CALLISTO_SIP_TLS_PORT, default
 * 5061) adds SIP over TLS; null without a certificate. {@code waitingMusic} (CALLISTO_WAITING_MUSIC, a WAV) is what
 * callers hear while they wait in a queue, looped; without it they hear ringback.
 */
public record SipGatewayConfig(String sipHost, int sipPort, String mediaHost, String rtpPorts,
                               java.time.Duration rtpTimeout, java.nio.file.Path unavailablePrompt,
                               io.callisto.gateway.sip.stack.SipStackConfig.Tls tls, java.nio.file.Path waitingMusic) {
    public static final java.time.Duration DEFAULT_RTP_TIMEOUT = java.time.Duration.ofSeconds(60);

    /** How often the trunks that register to carriers are looked at (refreshes fall due at half their expiry). */
    public java.time.Duration registrationPass() {
        return java.time.Duration.ofSeconds(5);
    }

    public SipGatewayConfig(String sipHost, int sipPort, String mediaHost, String rtpPorts) {
        this(sipHost, sipPort, mediaHost, rtpPorts, DEFAULT_RTP_TIMEOUT, null, null, null);
    }

    public SipGatewayConfig(String sipHost, int sipPort, String mediaHost, String rtpPorts,
                            java.time.Duration rtpTimeout) {
        this(sipHost, sipPort, mediaHost, rtpPorts, rtpTimeout, null, null, null);
    }

    public SipGatewayConfig(String sipHost, int sipPort, String mediaHost, String rtpPorts,
                            java.time.Duration rtpTimeout, java.nio.file.Path unavailablePrompt) {
        this(sipHost, sipPort, mediaHost, rtpPorts, rtpTimeout, unavailablePrompt, null, null);
    }

    public SipGatewayConfig {
        Objects.requireNonNull(sipHost);
        Objects.requireNonNull(mediaHost);
        Objects.requireNonNull(rtpPorts);
        Objects.requireNonNull(rtpTimeout);
        if (sipPort < 0 || sipPort > 65_535) {
            throw new IllegalArgumentException("CALLISTO_SIP_PORT must be 0..65535");
        }
    }

    public static SipGatewayConfig loopbackDefaults() {
        return new SipGatewayConfig("127.0.0.1", 5060, "127.0.0.1", "20000-40000");
    }
}
