package io.callisto.billing;

/** A webhook whose signature does not verify: forged, altered, signed with another secret, or too old. */
public final class InvalidSignatureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
