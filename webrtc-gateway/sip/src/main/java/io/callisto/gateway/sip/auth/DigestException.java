package io.callisto.gateway.sip.auth;

/** A digest header that cannot be used: malformed, or asking for something not supported. */
public class DigestException extends RuntimeException {

    public DigestException(String message) {
        super(message);
    }
}
