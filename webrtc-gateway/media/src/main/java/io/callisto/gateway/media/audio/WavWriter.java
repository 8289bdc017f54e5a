package io.callisto.gateway.media.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a 16-bit PCM WAV file: a 44-byte header with placeholder sizes first, then samples, then
 * on {@link #close()} the RIFF and data sizes are patched in. Not thread-safe.
 */
final class WavWriter implements AutoCloseable {

    static final int HEADER_BYTES = 44;
    /** The data size field is 32 bits; stop writing rather than produce a corrupt file. */
    static final long MAX_DATA_BYTES = 0xFFFFFFFFL - HEADER_BYTES;

    private final FileChannel file;
    private final int channels;
    private final int sampleRate;
    private long dataBytes;
    private boolean closed;

    WavWriter(Path path, int channels, int sampleRate) throws IOException {
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.channels = channels;
        this.sampleRate = sampleRate;
        writeFully(header(0), 0);
    }

    /** Appends little-endian 16-bit samples from {@code samples}' position to its limit. */
    void write(ByteBuffer samples) throws IOException {
        int length = samples.remaining();
        if (dataBytes + length > MAX_DATA_BYTES) {
            samples.position(samples.limit());
            return;
        }
        writeFully(samples, HEADER_BYTES + dataBytes);
        dataBytes += length;
    }

    long dataBytes() {
        return dataBytes;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (file) {
            writeFully(header(dataBytes), 0);
            file.force(false);
        }
    }

    private ByteBuffer header(long data) {
        int blockAlign = channels * 2;
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + data));
        h.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        h.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        h.putShort((short) WavFile.FORMAT_PCM).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) 16);
        h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) data);
        return h.flip();
    }

    private void writeFully(ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            at += file.write(buf, at);
        }
    }
}
