package io.callisto.gateway.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavPromptTest {

    @TempDir
    Path dir;

    @Test
    void loadsPcmAndEncodesIntoPaddedTwentyMillisecondFrames() throws IOException {
        short[] samples = new short[400];
        Arrays.fill(samples, (short) 1000);
        Path file = Files.write(dir.resolve("welcome.wav"), WavFiles.wav(1, 1, 8000, 16, WavFiles.pcm16(samples)));

        WavPrompt prompt = WavPrompt.load(file, G711.Law.MU_LAW);

        assertThat(prompt.frames()).isEqualTo(3);
        assertThat(prompt.duration().toMillis()).isEqualTo(60);
        assertThat(prompt.payloadType()).isZero();
        assertThat(prompt.sample(0)).isEqualTo(G711.linearToUlaw(1000));
        assertThat(prompt.sample(399)).isEqualTo(G711.linearToUlaw(1000));
        assertThat(prompt.sample(400)).as("padding is silence").isEqualTo((byte) 0xFF);
        ByteBuffer frame = ByteBuffer.allocate(200);
        prompt.copyFrame(2, frame, 12);
        assertThat(frame.get(12)).isEqualTo(G711.linearToUlaw(1000));
        assertThat(frame.get(12 + 159)).isEqualTo((byte) 0xFF);
    }

    @Test
    void usesG711WavAsIsOrConvertsTheLaw() {
        byte[] alaw = new byte[160];
        Arrays.fill(alaw, (byte) 0xAA);
        WavFile wav = WavFile.parse(WavFiles.wav(6, 1, 8000, 8, alaw), "moh.wav");

        WavPrompt asIs = WavPrompt.of(wav, G711.Law.A_LAW, "moh.wav");
        WavPrompt converted = WavPrompt.of(wav, G711.Law.MU_LAW, "moh.wav");

        assertThat(asIs.sample(0)).isEqualTo((byte) 0xAA);
        assertThat(asIs.payloadType()).isEqualTo(8);
        assertThat(converted.sample(0)).isEqualTo(G711.linearToUlaw(32256));
        assertThat(converted.frames()).isEqualTo(1);
    }

    @Test
    void parsesPastUnknownChunksAndOddSizes() {
        byte[] list = new byte[8 + 5 + 1];
        System.arraycopy(WavFiles.ascii("LIST"), 0, list, 0, 4);
        list[4] = 5; // odd size, padded to 6
        WavFile wav = WavFile.parse(WavFiles.wav(7, 1, 8000, 8, new byte[] {1, 2, 3}, 3, list), "x.wav");

        assertThat(wav.formatTag()).isEqualTo(WavFile.FORMAT_MULAW);
        assertThat(wav.data()).containsExactly(1, 2, 3);
        assertThat(wav.frames()).isEqualTo(3);
    }

    @Test
    void rejectsUnsupportedFormatsWithClearMessages() {
        byte[] pcm = WavFiles.pcm16((short) 1, (short) 2);
        assertThatThrownBy(() -> prompt(WavFiles.wav(1, 1, 44100, 16, pcm)))
                .isInstanceOf(InvalidWavException.class)
                .hasMessageContaining("sample rate 44100 Hz").hasMessageContaining("8000");
        assertThatThrownBy(() -> prompt(WavFiles.wav(1, 2, 8000, 16, pcm)))
                .isInstanceOf(InvalidWavException.class).hasMessageContaining("2 channels").hasMessageContaining("mono");
        assertThatThrownBy(() -> prompt(WavFiles.wav(1, 1, 8000, 8, pcm)))
                .isInstanceOf(InvalidWavException.class).hasMessageContaining("8-bit PCM");
        assertThatThrownBy(() -> prompt(WavFiles.wav(85, 1, 8000, 16, pcm)))
                .isInstanceOf(InvalidWavException.class).hasMessageContaining("format tag 85");
        assertThatThrownBy(() -> prompt(WavFiles.wav(1, 1, 8000, 16, new byte[0])))
                .isInstanceOf(InvalidWavException.class).hasMessageContaining("no audio");
    }

    @Test
    void rejectsMalformedFilesWithClearMessages() {
        byte[] good = WavFiles.wav(1, 1, 8000, 16, WavFiles.pcm16((short) 1, (short) 2));
        assertThatThrownBy(() -> WavFile.parse(Arrays.copyOf(good, 30), "cut.wav"))
                .isInstanceOf(InvalidWavException.class).hasMessageContaining("cut.wav").hasMessageContaining("truncated header");
        byte[] notRiff = good.clone();
        notRiff[0] = 'X';
        assertThatThrownBy(() -> WavFile.parse(notRiff, "x.wav")).hasMessageContaining("not a RIFF/WAVE file");
        assertThatThrownBy(() -> WavFile.parse(WavFiles.wav(1, 1, 8000, 16, new byte[10], 5000, new byte[0]), "x.wav"))
                .hasMessageContaining("truncated data chunk").hasMessageContaining("5000");
        byte[] noData = Arrays.copyOf(good, 44);
        noData[36] = 'j';
        noData[40] = 0;
        assertThatThrownBy(() -> WavFile.parse(noData, "x.wav")).hasMessageContaining("no data chunk");
        byte[] shortFmt = good.clone();
        shortFmt[16] = 8;
        assertThatThrownBy(() -> WavFile.parse(shortFmt, "x.wav")).hasMessageContaining("fmt chunk");
    }

    @Test
    void refusesHugeFilesBeforeReadingThem() throws IOException {
        Path big = dir.resolve("big.wav");
        try (FileChannel channel = FileChannel.open(big, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0}), WavFile.MAX_BYTES + 1); // sparse
        }
        assertThatThrownBy(() -> WavPrompt.load(big, G711.Law.MU_LAW)).isInstanceOf(InvalidWavException.class)
                .hasMessageContaining("larger than");
    }

    private static WavPrompt prompt(byte[] file) {
        return WavPrompt.of(WavFile.parse(file, "prompt.wav"), G711.Law.MU_LAW, "prompt.wav");
    }
}
