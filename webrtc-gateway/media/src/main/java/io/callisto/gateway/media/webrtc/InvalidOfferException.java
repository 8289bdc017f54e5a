package io.callisto.gateway.media.webrtc;

/** A browser's SDP offer the gateway cannot answer; the message says why, for the signalling error. */
public final class InvalidOfferException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidOfferException(String message) {
        super(message);
    }
}
