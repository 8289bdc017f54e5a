package io.callisto.gateway.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.gateway.media.rtp.Side;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder fed directly, as the relay's tap would, with synthetic packets. */
class StereoWavRecorderTest {

    private static final long MS = 1_000_000L;
    private static final byte CALLER_CODE = G711.linearToUlaw(1000);
    private static final byte AGENT_CODE = G711.linearToAlaw(-2000);
    private static final short CALLER = G711.ulawToLinear(CALLER_CODE);
    private static final short AGENT = G711.alawToLinear(AGENT_CODE);

    @TempDir
    Path dir;

    private static ByteBuffer packet(byte code, int length) {
        byte[] bytes = new byte[12 + length];
        Arrays.fill(bytes, 12, bytes.length, code);
        return ByteBuffer.wrap(bytes);
    }

    private static void tap(StereoWavRecorder recorder, Side side, int pt, int ssrc, int ts, long nanos, byte code) {
        recorder.onAudio(side, pt, ssrc, ts, nanos, packet(code, 160), 12, 160);
    }

    @Test
    void placesBothChannelsByTimestampAndFillsGapsWithSilence() throws IOException {
        Path file = dir.resolve("call.wav");
        long t0 = 5_000 * MS;
        StereoWavRecorder recorder = StereoWavRecorder.start(file);
        tap(recorder, Side.A, 0, 1, 1000, t0, CALLER_CODE);
        tap(recorder, Side.B, 8, 2, 50_000, t0, AGENT_CODE);
        tap(recorder, Side.A, 0, 1, 1160, t0 + 20 * MS, CALLER_CODE);
        // ts 1320 lost; the next one arrives on time
        tap(recorder, Side.A, 0, 1, 1480, t0 + 60 * MS, CALLER_CODE);
        recorder.onAudio(Side.A, 101, 1, 1640, t0 + 80 * MS, packet((byte) 5, 4), 12, 4); // not G.711
        recorder.close();
        recorder.close();

        RecordedWav wav = RecordedWav.read(file);
        assertThat(wav.frames()).isEqualTo(640);
        assertThat(RecordedWav.count(wav.left(), 0, 320, CALLER)).isEqualTo(320);
        assertThat(RecordedWav.count(wav.left(), 320, 480, (short) 0)).as("the lost packet is silence").isEqualTo(160);
        assertThat(RecordedWav.count(wav.left(), 480, 640, CALLER)).isEqualTo(160);
        assertThat(RecordedWav.count(wav.right(), 0, 160, AGENT)).isEqualTo(160);
        assertThat(RecordedWav.count(wav.right(), 160, 640, (short) 0)).isEqualTo(480);
        assertThat(recorder.packetsRecorded()).isEqualTo(4);
        assertThat(recorder.packetsIgnored()).isEqualTo(1);
        assertThat(recorder.packetsDropped()).isZero();
    }

    @Test
    void aNewSsrcIsAnchoredAtWallTime() throws IOException {
        Path file = dir.resolve("transfer.wav");
        StereoWavRecorder recorder = StereoWavRecorder.start(file);
        tap(recorder, Side.B, 0, 1, 0, 0, CALLER_CODE);
        // another agent phone after a transfer, 100 ms later, with unrelated timestamps
        tap(recorder, Side.B, 0, 2, 987_654_321, 100 * MS, CALLER_CODE);
        recorder.close();

        RecordedWav wav = RecordedWav.read(file);
        assertThat(wav.frames()).isEqualTo(960);
        assertThat(RecordedWav.count(wav.right(), 0, 160, CALLER)).isEqualTo(160);
        assertThat(RecordedWav.count(wav.right(), 160, 800, (short) 0)).isEqualTo(640);
        assertThat(RecordedWav.count(wav.right(), 800, 960, CALLER)).isEqualTo(160);
        assertThat(RecordedWav.count(wav.left(), 0, 960, (short) 0)).isEqualTo(960);
    }

    @Test
    void neverBlocksTheRelayAndAccountsForEveryPacket() throws IOException {
        Path file = dir.resolve("flood.wav");
        StereoWavRecorder recorder = StereoWavRecorder.start(file);
        int sent = 5000;
        for (int i = 0; i < sent; i++) {
            tap(recorder, Side.A, 0, 1, 160 * i, 20 * MS * i, CALLER_CODE);
        }
        recorder.onAudio(Side.A, 0, 1, 0, 0, packet(CALLER_CODE, 1000), 12, 1000); // longer than any ptime
        recorder.close();

        assertThat(recorder.packetsRecorded() + recorder.packetsDropped()).isEqualTo(sent + 1);
        assertThat(recorder.packetsDropped()).isPositive();
        RecordedWav wav = RecordedWav.read(file);
        assertThat(RecordedWav.count(wav.left(), 0, wav.frames(), CALLER)).isEqualTo(160 * (int) recorder.packetsRecorded());
    }

    @Test
    void anEmptyRecordingIsAValidWav() throws IOException {
        Path file = dir.resolve("empty.wav");
        StereoWavRecorder.start(file).close();

        assertThat(RecordedWav.read(file).frames()).isZero();
    }
}
