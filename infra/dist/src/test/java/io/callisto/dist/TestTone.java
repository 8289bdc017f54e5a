package io.callisto.dist;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A WAV file of one sine tone (16-bit mono, 48 kHz), for Chromium's fake microphone. */
final class TestTone {
    private static final int RATE = 48_000;

    private TestTone() {
    }

    static byte[] wav(double frequency, int seconds) {
        int samples = RATE * seconds;
        ByteBuffer out = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int n = 0; n < samples; n++) {
            out.putShort((short) Math.round(8000 * Math.sin(2 * Math.PI * frequency * n / RATE)));
        }
        return out.array();
    }

    /** A tone in raw mu-law (8 kHz, no header), what sipp's rtp_stream plays as payload type 0. */
    static byte[] ulaw(double frequency, int seconds) {
        byte[] out = new byte[RATE * seconds];
        for (int n = 0; n < out.length; n++) {
            out[n] = io.callisto.gateway.media.audio.G711.linearToUlaw((int) Math.round(8000 * Math.sin(2 * Math.PI
                    * frequency * n / RATE)));
        }
        return out;
    }
}
