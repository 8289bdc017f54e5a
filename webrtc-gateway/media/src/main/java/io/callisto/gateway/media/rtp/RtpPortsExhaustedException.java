package io.callisto.gateway.media.rtp;

import io.callisto.gateway.media.MediaException;

/** No free RTP/RTCP port pair is left in the configured range: the call cannot get media. */
public final class RtpPortsExhaustedException extends MediaException {

    public RtpPortsExhaustedException(String message) {
        super(message);
    }
}
