package io.callisto.gateway.sip.sdp;

import java.util.Objects;

/** An SDP answer to send, and what it agreed for the relay. */
public record Answer(SessionDescription description, NegotiatedMedia media) {

    public Answer {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(media, "media");
    }
}
