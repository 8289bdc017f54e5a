package io.callisto.gateway.media.webrtc;

/** A DTLS handshake that did not produce SRTP keys: the peer's fingerprint, profiles or messages were refused. */
public final class DtlsException extends Exception {
    private static final long serialVersionUID = 1L;

    public DtlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
