package io.callisto.gateway.media.audio;

import io.callisto.gateway.media.rtp.MediaTap;
import io.callisto.gateway.media.rtp.Side;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Records a bridge to a stereo 16-bit 8 kHz WAV file: left = leg A (caller), right = leg B (agent).
 * As a {@link MediaTap} it runs on the relay thread, where it only copies the payload into a
 * preallocated ring; when the ring is full the packet is dropped and counted, the relay never
 * waits. A virtual thread decodes G.711, places samples by RTP timestamp (gaps become silence,
 * see {@link StereoTimeline}) and writes the file; {@link #close()} writes the rest and patches the
 * RIFF sizes. Packets other than PCMU (0) and PCMA (8) are ignored. One recorder per bridge: the
 * ring has a single producer, the bridge's loop thread.
 */
public final class StereoWavRecorder implements MediaTap, AutoCloseable {

    /** Ring slots: about 5 s of both directions at 50 packets per second. */
    static final int QUEUE_PACKETS = 512;
    /** The writer wakes this often; the ring holds far more than one period of audio. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final VarHandle DROPPED;

    static {
        try {
            DROPPED = MethodHandles.lookup().findVarHandle(StereoWavRecorder.class, "dropped", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Path path;
    private final TapRing ring = new TapRing(QUEUE_PACKETS);
    private final WavWriter writer;
    private final StereoTimeline timeline;
    private final Thread thread;
    private volatile boolean closing;
    private volatile IOException failure;
    private volatile long recorded;
    private volatile long ignored;
    // written through DROPPED by the relay thread only
    private long dropped;

    private StereoWavRecorder(Path path) throws IOException {
        this.path = path;
        this.writer = new WavWriter(path, 2, StereoTimeline.RATE);
        this.timeline = new StereoTimeline(writer);
        this.thread = Thread.ofVirtual().name("wav-recorder " + path.getFileName()).unstarted(this::run);
    }

    /** Creates (or truncates) {@code path} and starts the writer. Attach with {@code bridge.setTap(recorder)}. */
    public static StereoWavRecorder start(Path path) throws IOException {
        StereoWavRecorder recorder = new StereoWavRecorder(path);
        recorder.thread.start();
        return recorder;
    }

    @Override
    public void onAudio(Side from, int payloadType, int ssrc, int timestamp, long receivedNanos,
                        ByteBuffer packet, int payloadOffset, int payloadLength) {
        if (closing) {
            return;
        }
        TapChunk chunk = payloadLength <= TapChunk.MAX_PAYLOAD ? ring.claim() : null;
        if (chunk == null) {
            DROPPED.setOpaque(this, (long) DROPPED.getOpaque(this) + 1);
            return;
        }
        chunk.fill(from, payloadType, ssrc, timestamp, receivedNanos, packet, payloadOffset, payloadLength);
        ring.publish();
    }

    private void run() {
        try {
            while (true) {
                boolean last = closing; // read before draining: anything published before close is drained
                drain();
                timeline.writeSettled();
                if (last) {
                    break;
                }
                LockSupport.parkNanos(this, POLL_NANOS);
            }
            timeline.finish();
        } catch (IOException e) {
            failure = e;
        } finally {
            try {
                writer.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
    }

    private void drain() throws IOException {
        TapChunk chunk;
        while ((chunk = ring.peek()) != null) {
            G711.Law law = G711.Law.ofPayloadType(chunk.payloadType);
            if (law == null) {
                ignored++;
            } else {
                timeline.place(chunk.side == Side.A ? 0 : 1, chunk.ssrc, chunk.timestamp, chunk.receivedNanos,
                        chunk.payload, chunk.length, law);
                recorded++;
            }
            ring.consume();
        }
    }

    /**
     * Stops recording, writes the remaining audio and the final header. Detach the tap first
     * ({@code bridge.clearTap()}); packets tapped after this are ignored. Idempotent.
     *
     * @throws IOException when writing the file failed at any point
     */
    @Override
    public void close() throws IOException {
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while finishing " + path, e);
        }
        IOException problem = failure;
        if (problem != null) {
            throw new IOException("recording " + path + " failed: " + problem.getMessage(), problem);
        }
    }

    public Path path() {
        return path;
    }

    /** Packets decoded into the file. */
    public long packetsRecorded() {
        return recorded;
    }

    /** Packets dropped on the relay thread because the queue was full (or the payload too long). */
    public long packetsDropped() {
        return (long) DROPPED.getOpaque(this);
    }

    /** Packets of a payload type other than PCMU or PCMA. */
    public long packetsIgnored() {
        return ignored;
    }

    /** Samples that arrived after their place in the file was written. */
    public long lateSamples() {
        return timeline.lateSamples();
    }
}
