package io.callisto.gateway.media.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Audio ready to play over RTP: G.711 bytes of one law, cut into 20 ms frames of 160 bytes (the last
 * one padded with silence). Loaded from an 8 kHz mono WAV file, 16-bit PCM (encoded here) or already
 * mu-law/A-law (used as is, or converted when the law differs). Immutable; shared by all players.
 */
public final class WavPrompt {

    /** Samples (= G.711 bytes) per 20 ms frame at 8 kHz. */
    public static final int FRAME_SAMPLES = 160;
    public static final int SAMPLE_RATE = 8000;

    private final G711.Law law;
    private final byte[] audio;

    private WavPrompt(G711.Law law, byte[] audio) {
        this.law = law;
        this.audio = audio;
    }

    /**
     * Loads a prompt for a leg that uses {@code law}.
     *
     * @throws InvalidWavException when the file is malformed or not 8 kHz mono 16-bit PCM / G.711
     */
    public static WavPrompt load(Path path, G711.Law law) throws IOException {
        return of(WavFile.read(path), law, String.valueOf(path.getFileName()));
    }

    /** Converts a parsed WAV file; {@code name} appears in error messages. */
    public static WavPrompt of(WavFile wav, G711.Law law, String name) {
        if (wav.channels() != 1) {
            throw invalid(name, wav.channels() + " channels: prompts must be mono");
        }
        if (wav.sampleRate() != SAMPLE_RATE) {
            throw invalid(name, "sample rate " + wav.sampleRate() + " Hz: prompts must be 8000 Hz");
        }
        byte[] data = wav.data();
        return switch (wav.formatTag()) {
            case WavFile.FORMAT_PCM -> {
                if (wav.bitsPerSample() != 16) {
                    throw invalid(name, wav.bitsPerSample() + "-bit PCM: prompts must be 16-bit PCM, mu-law or A-law");
                }
                short[] samples = new short[data.length / 2];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (short) ((data[2 * i] & 0xFF) | (data[2 * i + 1] << 8));
                }
                yield fromLinear(samples, law);
            }
            case WavFile.FORMAT_MULAW, WavFile.FORMAT_ALAW -> {
                if (wav.bitsPerSample() != 8) {
                    throw invalid(name, "G.711 with " + wav.bitsPerSample() + " bits per sample: must be 8");
                }
                G711.Law fileLaw = wav.formatTag() == WavFile.FORMAT_MULAW ? G711.Law.MU_LAW : G711.Law.A_LAW;
                yield fromG711(transcode(data, fileLaw, law), law);
            }
            default -> throw invalid(name, "WAV format tag " + wav.formatTag()
                    + ": prompts must be 16-bit PCM (1), A-law (6) or mu-law (7)");
        };
    }

    /** Encodes 8 kHz linear samples. */
    public static WavPrompt fromLinear(short[] samples, G711.Law law) {
        byte[] coded = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            coded[i] = law.encode(samples[i]);
        }
        return fromG711(coded, law);
    }

    private static WavPrompt fromG711(byte[] coded, G711.Law law) {
        if (coded.length == 0) {
            throw new InvalidWavException("prompt has no audio samples");
        }
        int frames = (coded.length + FRAME_SAMPLES - 1) / FRAME_SAMPLES;
        byte[] audio = Arrays.copyOf(coded, frames * FRAME_SAMPLES);
        Arrays.fill(audio, coded.length, audio.length, law.encode(0));
        return new WavPrompt(law, audio);
    }

    private static byte[] transcode(byte[] data, G711.Law from, G711.Law to) {
        if (from == to) {
            return data;
        }
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = to.encode(from.decode(data[i]));
        }
        return out;
    }

    private static InvalidWavException invalid(String name, String problem) {
        return new InvalidWavException("unsupported WAV file " + name + ": " + problem);
    }

    public G711.Law law() {
        return law;
    }

    /** Static RTP payload type of the law (0 or 8). */
    public int payloadType() {
        return law.payloadType();
    }

    public int frames() {
        return audio.length / FRAME_SAMPLES;
    }

    public Duration duration() {
        return Duration.ofMillis(frames() * 20L);
    }

    /** Copies frame {@code index} (160 bytes) into {@code dst} at absolute index {@code offset}. */
    public void copyFrame(int index, ByteBuffer dst, int offset) {
        dst.put(offset, audio, index * FRAME_SAMPLES, FRAME_SAMPLES);
    }

    /** The G.711 byte at sample {@code index}, for tests and tools. */
    public byte sample(int index) {
        return audio[index];
    }
}
