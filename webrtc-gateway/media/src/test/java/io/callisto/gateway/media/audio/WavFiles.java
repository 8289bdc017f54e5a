package io.callisto.gateway.media.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files for tests, including broken ones. */
final class WavFiles {

    private WavFiles() {
    }

    static byte[] wav(int format, int channels, int rate, int bits, byte[] data) {
        return wav(format, channels, rate, bits, data, data.length, new byte[0]);
    }

    /** With a declared data size that may lie, and extra chunk bytes between fmt and data. */
    static byte[] wav(int format, int channels, int rate, int bits, byte[] data, int declaredDataSize, byte[] extraChunk) {
        ByteBuffer buf = ByteBuffer.allocate(44 + extraChunk.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(ascii("RIFF")).putInt(36 + extraChunk.length + data.length).put(ascii("WAVE"));
        buf.put(ascii("fmt ")).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        buf.put(extraChunk);
        buf.put(ascii("data")).putInt(declaredDataSize).put(data);
        return buf.array();
    }

    static byte[] pcm16(short... samples) {
        ByteBuffer buf = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) {
            buf.putShort(sample);
        }
        return buf.array();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
