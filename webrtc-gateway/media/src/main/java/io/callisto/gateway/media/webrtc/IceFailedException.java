package io.callisto.gateway.media.webrtc;

/** ICE found no working pair with the browser in time, or the leg closed before it did. */
public final class IceFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IceFailedException(String message) {
        super(message);
    }
}
