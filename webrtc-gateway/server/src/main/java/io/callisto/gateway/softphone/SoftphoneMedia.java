package io.callisto.gateway.softphone;

import io.callisto.gateway.media.webrtc.DtlsIdentity;
import io.callisto.gateway.media.webrtc.IcePort;
import java.time.Duration;

/**
 * How browser legs get their media: the one ICE port, the gateway's DTLS certificate, the address announced in
 * answers ({@code CALLISTO_MEDIA_HOST}), how long ICE and DTLS may take, and how long a browser that vanished may take
 * to come back before its call ends.
 */
public record SoftphoneMedia(IcePort port, DtlsIdentity identity, String address, Duration connectTimeout,
                             Duration reattachGrace) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REATTACH_GRACE = Duration.ofSeconds(15);
}
