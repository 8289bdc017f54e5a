package io.callisto.gateway.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A recorder's output read back, with its header checked field by field. */
record RecordedWav(short[] left, short[] right) {

    static RecordedWav read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(bytes, 0, 4, "US-ASCII")).isEqualTo("RIFF");
        assertThat(h.getInt(4)).as("RIFF size").isEqualTo(bytes.length - 8);
        assertThat(new String(bytes, 8, 8, "US-ASCII")).isEqualTo("WAVEfmt ");
        assertThat(h.getInt(16)).as("fmt size").isEqualTo(16);
        assertThat(h.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(h.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(h.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(h.getInt(28)).as("byte rate").isEqualTo(32000);
        assertThat(h.getShort(32)).as("block align").isEqualTo((short) 4);
        assertThat(h.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(new String(bytes, 36, 4, "US-ASCII")).isEqualTo("data");
        assertThat(h.getInt(40)).as("data size").isEqualTo(bytes.length - 44);

        WavFile parsed = WavFile.parse(bytes, file.getFileName().toString());
        int frames = parsed.frames();
        short[] left = new short[frames];
        short[] right = new short[frames];
        for (int i = 0; i < frames; i++) {
            left[i] = h.getShort(44 + 4 * i);
            right[i] = h.getShort(44 + 4 * i + 2);
        }
        return new RecordedWav(left, right);
    }

    int frames() {
        return left.length;
    }

    static int count(short[] channel, int from, int to, short value) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (channel[i] == value) {
                n++;
            }
        }
        return n;
    }
}
