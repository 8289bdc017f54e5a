package io.callisto.gateway.media.rtp;

import java.nio.ByteBuffer;

/**
 * Audio a bridge plays to one leg, one 20 ms frame per call (see {@link RtpBridge#play}). Called on
 * the relay's I/O thread: it must not block. Payload bytes are samples at 8 kHz (G.711).
 */
public interface FrameSource {

    /** Payload type of the frames, as negotiated on the leg they are played to. */
    int payloadType();

    /**
     * Writes the next frame into {@code buf} at absolute index {@code offset} (at least 1,000 bytes
     * are free) and answers its length, or -1 when the source is finished.
     */
    int nextFrame(ByteBuffer buf, int offset);
}
