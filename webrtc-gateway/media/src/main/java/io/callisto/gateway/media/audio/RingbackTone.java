package io.callisto.gateway.media.audio;

/**
 * Generated call-progress tones, so ringback needs no file. One cycle (tone then silence) is built
 * once as a {@link WavPrompt}; a looping {@link PromptPlayer} repeats it.
 */
public final class RingbackTone {

    /**
     * Peak of each sine: about -19 dBm0 per frequency, the level ANSI T1.401 gives for North American
     * ringback (0 dBm0 peaks about 3.17 dB below G.711 full scale).
     */
    static final double AMPLITUDE = 2550;

    private RingbackTone() {
    }

    /** North American ringback: 440 + 480 Hz, 2 s on, 4 s off. */
    public static WavPrompt northAmerican(G711.Law law) {
        return cadence(law, 2000, 4000, 440, 480);
    }

    /** Most of Europe (ETSI TR 101 041): 425 Hz, 1 s on, 4 s off. */
    public static WavPrompt european(G711.Law law) {
        return cadence(law, 1000, 4000, 425);
    }

    /** One cycle of {@code frequencies} summed for {@code onMillis}, then silence for {@code offMillis}. */
    public static WavPrompt cadence(G711.Law law, int onMillis, int offMillis, double... frequencies) {
        if (onMillis <= 0 || offMillis < 0 || frequencies.length == 0) {
            throw new IllegalArgumentException("a tone needs on > 0 ms, off >= 0 ms and a frequency");
        }
        int onSamples = onMillis * WavPrompt.SAMPLE_RATE / 1000;
        int total = onSamples + offMillis * WavPrompt.SAMPLE_RATE / 1000;
        short[] samples = new short[total];
        for (int n = 0; n < onSamples; n++) {
            double value = 0;
            for (double frequency : frequencies) {
                value += AMPLITUDE * Math.sin(2 * Math.PI * frequency * n / WavPrompt.SAMPLE_RATE);
            }
            samples[n] = (short) Math.round(Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value)));
        }
        return WavPrompt.fromLinear(samples, law);
    }
}
