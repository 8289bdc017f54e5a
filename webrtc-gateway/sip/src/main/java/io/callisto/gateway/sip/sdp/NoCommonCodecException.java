package io.callisto.gateway.sip.sdp;

/**
 * A well-formed offer (or answer) with no audio stream the gateway can relay without transcoding:
 * RFC 3261's "488 Not Acceptable Here" at the SIP edge.
 */
public class NoCommonCodecException extends SdpException {

    public NoCommonCodecException(String problem) {
        super(problem);
    }
}
