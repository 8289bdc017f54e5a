package io.callisto.gateway.media.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A parsed RIFF/WAVE file: the {@code fmt } fields and the {@code data} bytes. Other chunks (LIST,
 * fact, ...) are skipped. Parsing checks structure only; {@link WavPrompt} decides what it can play.
 *
 * @param formatTag     1 PCM, 6 A-law, 7 mu-law (the sub-format, for WAVE_FORMAT_EXTENSIBLE)
 * @param channels      channel count
 * @param sampleRate    samples per second per channel
 * @param bitsPerSample bits per sample
 * @param data          the {@code data} chunk's bytes
 */
public record WavFile(int formatTag, int channels, int sampleRate, int bitsPerSample, byte[] data) {

    public static final int FORMAT_PCM = 1;
    public static final int FORMAT_ALAW = 6;
    public static final int FORMAT_MULAW = 7;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Prompts are minutes long at most; refuse to read an uploaded file beyond this into memory. */
    public static final long MAX_BYTES = 32L << 20;
    private static final int RIFF_HEADER = 12;
    private static final int CHUNK_HEADER = 8;
    private static final int MIN_FMT = 16;
    /** RIFF header, fmt chunk of 16 bytes, empty data chunk. */
    private static final int MIN_FILE = 44;

    /** Reads and parses {@code path}. */
    public static WavFile read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            throw new InvalidWavException(path.getFileName() + ": " + size + " bytes is larger than the "
                    + MAX_BYTES + " bytes a prompt may have");
        }
        return parse(Files.readAllBytes(path), String.valueOf(path.getFileName()));
    }

    /**
     * Parses a whole WAV file held in memory.
     *
     * @param name used in error messages
     * @throws InvalidWavException when it is not a well-formed WAV file
     */
    public static WavFile parse(byte[] bytes, String name) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MIN_FILE) {
            throw invalid(name, "truncated header: " + bytes.length + " bytes, a WAV file needs at least 44");
        }
        if (!"RIFF".equals(tag(bytes, 0)) || !"WAVE".equals(tag(bytes, 8))) {
            throw invalid(name, "not a RIFF/WAVE file (starts with '" + tag(bytes, 0) + "')");
        }
        int[] format = null;
        int at = RIFF_HEADER;
        while (at + CHUNK_HEADER <= bytes.length) {
            String id = tag(bytes, at);
            long size = buf.getInt(at + 4) & 0xFFFFFFFFL;
            int body = at + CHUNK_HEADER;
            long remaining = bytes.length - (long) body;
            if ("fmt ".equals(id)) {
                if (size < MIN_FMT || size > remaining) {
                    throw invalid(name, "truncated fmt chunk: " + Math.min(size, remaining) + " bytes, needs 16");
                }
                format = readFormat(buf, body, (int) size);
            } else if ("data".equals(id)) {
                if (format == null) {
                    throw invalid(name, "data chunk before the fmt chunk");
                }
                if (size > remaining && size != 0xFFFFFFFFL) {
                    throw invalid(name, "truncated data chunk: header says " + size + " bytes, file has " + remaining);
                }
                byte[] data = new byte[(int) Math.min(size, remaining)];
                System.arraycopy(bytes, body, data, 0, data.length);
                return new WavFile(format[0], format[1], format[2], format[3], data);
            }
            at = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1)); // chunks are word aligned
        }
        throw invalid(name, format == null ? "no fmt chunk" : "no data chunk");
    }

    private static int[] readFormat(ByteBuffer buf, int at, int size) {
        int formatTag = buf.getShort(at) & 0xFFFF;
        int channels = buf.getShort(at + 2) & 0xFFFF;
        int sampleRate = buf.getInt(at + 4);
        int bits = buf.getShort(at + 14) & 0xFFFF;
        if (formatTag == FORMAT_EXTENSIBLE && size >= 40) {
            formatTag = buf.getShort(at + 24) & 0xFFFF; // first two bytes of the sub-format GUID
        }
        return new int[] {formatTag, channels, sampleRate, bits};
    }

    private static String tag(byte[] bytes, int at) {
        return new String(bytes, at, Math.min(4, bytes.length - at), StandardCharsets.ISO_8859_1);
    }

    private static InvalidWavException invalid(String name, String problem) {
        return new InvalidWavException("invalid WAV file " + name + ": " + problem);
    }

    /** Frames in the data (bytes / (channels * bytes per sample)). */
    public int frames() {
        int frameBytes = Math.max(1, channels * Math.max(1, bitsPerSample / 8));
        return data.length / frameBytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WavFile that && formatTag == that.formatTag && channels == that.channels
                && sampleRate == that.sampleRate && bitsPerSample == that.bitsPerSample
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(formatTag, channels, sampleRate, bitsPerSample) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "WavFile[format=" + formatTag + ", channels=" + channels + ", rate=" + sampleRate
                + ", bits=" + bitsPerSample + ", dataBytes=" + data.length + "]";
    }
}
