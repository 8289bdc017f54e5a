package io.callisto.gateway.media.audio;

import java.util.Locale;

/**
 * DTMF digits as in-band tones (ITU-T Q.23 frequency pairs): 100 ms of each digit's two tones, then 60 ms of
 * silence, which every G.711 path carries and every tone detector accepts (Q.24 asks for at least 40 ms of each).
 */
public final class DtmfTones {
    private static final int TONE_MILLIS = 100;
    private static final int GAP_MILLIS = 60;
    private static final double[] ROWS = {697, 770, 852, 941};
    private static final double[] COLUMNS = {1209, 1336, 1477, 1633};
    private static final String KEYS = "123A456B789C*0#D";
    /** Each tone at about -10 dBm0, their sum well clear of clipping. */
    private static final double AMPLITUDE = 5000;

    private DtmfTones() {
    }

    /** The digits (0-9, *, #, A-D, any case) as one prompt. */
    public static WavPrompt of(String digits, G711.Law law) {
        String keys = digits.toUpperCase(Locale.ROOT);
        int perDigit = (TONE_MILLIS + GAP_MILLIS) * WavPrompt.SAMPLE_RATE / 1000;
        int tone = TONE_MILLIS * WavPrompt.SAMPLE_RATE / 1000;
        short[] samples = new short[perDigit * keys.length()];
        for (int d = 0; d < keys.length(); d++) {
            int key = KEYS.indexOf(keys.charAt(d));
            if (key < 0) {
                throw new IllegalArgumentException("not a DTMF digit: " + keys.charAt(d));
            }
            double row = ROWS[key / 4];
            double column = COLUMNS[key % 4];
            for (int n = 0; n < tone; n++) {
                double t = (double) n / WavPrompt.SAMPLE_RATE;
                samples[d * perDigit + n] = (short) Math.round(AMPLITUDE * (Math.sin(2 * Math.PI * row * t)
                        + Math.sin(2 * Math.PI * column * t)));
            }
        }
        return WavPrompt.fromLinear(samples, law);
    }
}
