package io.callisto.gateway.media.rtp;

import java.nio.ByteBuffer;

/**
 * Sees the audio a bridge relays, e.g. for recording. Called on the relay's I/O thread for every
 * accepted audio packet from a leg whose direction receives (telephone-event packets are not
 * passed). It must return quickly and never block: copy what it needs and hand the work to
 * another thread. The buffer is only valid during the call and must not be modified. A bridge
 * without a tap pays one null check per packet.
 */
@FunctionalInterface
public interface MediaTap {

    /**
     * @param from          the leg the audio came from
     * @param payloadType   incoming payload type (before mapping)
     * @param ssrc          incoming SSRC
     * @param timestamp     incoming RTP timestamp (wraps at 2^32)
     * @param receivedNanos {@link System#nanoTime()} at arrival
     * @param packet        buffer holding the packet
     * @param payloadOffset absolute index of the payload in {@code packet}
     * @param payloadLength payload bytes (padding excluded)
     */
    void onAudio(Side from, int payloadType, int ssrc, int timestamp, long receivedNanos,
                 ByteBuffer packet, int payloadOffset, int payloadLength);
}
