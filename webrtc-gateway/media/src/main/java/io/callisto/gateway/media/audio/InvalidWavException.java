package io.callisto.gateway.media.audio;

import io.callisto.gateway.media.MediaException;

/** A WAV file that is malformed, truncated or in a format prompts cannot use; the message says which. */
public final class InvalidWavException extends MediaException {

    public InvalidWavException(String message) {
        super(message);
    }
}
