package io.callisto.gateway.media.audio;

import io.callisto.gateway.media.rtp.Side;
import java.nio.ByteBuffer;

/** One tapped audio packet, copied out of the relay's buffer into a preallocated, reused slot. */
final class TapChunk {

    /** 60 ms of G.711 at 8 kHz: the longest packet time phones use. */
    static final int MAX_PAYLOAD = 480;

    Side side;
    int payloadType;
    int ssrc;
    int timestamp;
    long receivedNanos;
    int length;
    final byte[] payload = new byte[MAX_PAYLOAD];

    void fill(Side from, int pt, int source, int ts, long nanos, ByteBuffer packet, int offset, int bytes) {
        side = from;
        payloadType = pt;
        ssrc = source;
        timestamp = ts;
        receivedNanos = nanos;
        length = bytes;
        packet.get(offset, payload, 0, bytes);
    }
}
