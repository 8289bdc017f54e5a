package io.callisto.gateway.media.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Places two channels of 8 kHz G.711 audio on one timeline by RTP timestamp and writes them as
 * interleaved 16-bit stereo. Sample positions come from each stream's timestamps, anchored to wall
 * time when the stream starts (first packet, new SSRC, or timestamps more than a second away from
 * wall time), so both channels line up and gaps become silence. A window of two seconds absorbs
 * jitter and reordering; samples older than what was already written are dropped as late.
 * Confined to the recorder's writer thread.
 */
final class StereoTimeline {

    static final int RATE = 8000;
    /** Frames kept in memory before writing: 2 s, 64 KB per recording. */
    static final int WINDOW = 2 * RATE;
    /** Timestamps further than this from wall time re-anchor the stream (1 s). */
    static final long MAX_DRIFT = RATE;
    private static final int OUT_FRAMES = 2048;

    private final WavWriter writer;
    private final short[] window = new short[WINDOW * 2];
    private final ByteBuffer out = ByteBuffer.allocate(OUT_FRAMES * 4).order(ByteOrder.LITTLE_ENDIAN);
    private final Anchor[] anchors = {new Anchor(), new Anchor()};
    private boolean started;
    private long startNanos;
    private long written;
    private long end;
    private long lateSamples;

    StereoTimeline(WavWriter writer) {
        this.writer = writer;
    }

    /** Adds {@code length} G.711 samples of {@code channel} (0 left, 1 right). */
    void place(int channel, int ssrc, int timestamp, long receivedNanos, byte[] payload, int length, G711.Law law)
            throws IOException {
        if (!started) {
            started = true;
            startNanos = receivedNanos;
        }
        long wall = (receivedNanos - startNanos) * RATE / 1_000_000_000L;
        long position = anchors[channel].position(ssrc, timestamp, wall);
        if (position + length > written + WINDOW) {
            writeUntil(position + length - WINDOW);
        }
        for (int i = 0; i < length; i++) {
            long at = position + i;
            if (at < written) {
                lateSamples++;
            } else {
                window[(int) (at % WINDOW) * 2 + channel] = law.decode(payload[i]);
            }
        }
        end = Math.max(end, position + length);
    }

    /** Writes what is older than half a window behind the newest sample, keeping room for late packets. */
    void writeSettled() throws IOException {
        writeUntil(end - WINDOW / 2);
    }

    /** Writes everything up to the newest sample. */
    void finish() throws IOException {
        writeUntil(end);
    }

    long lateSamples() {
        return lateSamples;
    }

    /** Frames written so far. */
    long frames() {
        return written;
    }

    private void writeUntil(long target) throws IOException {
        while (written < target) {
            int at = (int) (written % WINDOW) * 2;
            out.putShort(window[at]).putShort(window[at + 1]);
            window[at] = 0;
            window[at + 1] = 0;
            written++;
            if (!out.hasRemaining()) {
                drain();
            }
        }
        drain();
    }

    private void drain() throws IOException {
        if (out.position() > 0) {
            writer.write(out.flip());
            out.clear();
        }
    }

    /** Maps one channel's RTP timestamps to timeline positions. */
    private static final class Anchor {
        private boolean anchored;
        private int ssrc;
        private int baseTimestamp;
        private long basePosition;

        long position(int packetSsrc, int timestamp, long wall) {
            if (anchored && packetSsrc == ssrc) {
                long position = basePosition + (timestamp - baseTimestamp);
                if (Math.abs(position - wall) <= MAX_DRIFT) {
                    return position;
                }
            }
            anchored = true;
            ssrc = packetSsrc;
            baseTimestamp = timestamp;
            basePosition = wall;
            return wall;
        }
    }
}
