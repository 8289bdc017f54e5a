package io.callisto.gateway.media;

/** Base of the media module's unchecked, typed errors. */
public class MediaException extends RuntimeException {

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
