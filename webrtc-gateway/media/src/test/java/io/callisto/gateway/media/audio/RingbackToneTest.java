package io.callisto.gateway.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RingbackToneTest {

    @Test
    void northAmericanRingbackIsTwoSecondsOfToneThenFourOfSilence() {
        WavPrompt ringback = RingbackTone.northAmerican(G711.Law.MU_LAW);

        assertThat(ringback.frames()).isEqualTo(300);
        assertThat(ringback.duration().toSeconds()).isEqualTo(6);
        double toneEnergy = energy(ringback, 0, 16000);
        double silenceEnergy = energy(ringback, 16000, 48000);
        assertThat(silenceEnergy).isZero();
        // two sines of amplitude A: mean power A^2 (A^2/2 each)
        assertThat(toneEnergy).isBetween(0.8 * RingbackTone.AMPLITUDE * RingbackTone.AMPLITUDE,
                1.2 * RingbackTone.AMPLITUDE * RingbackTone.AMPLITUDE);
    }

    @Test
    void toneHasTheRightFrequencies() {
        WavPrompt ringback = RingbackTone.northAmerican(G711.Law.A_LAW);

        double at440 = goertzel(ringback, 440);
        double at480 = goertzel(ringback, 480);
        double at1000 = goertzel(ringback, 1000);
        assertThat(at440).isGreaterThan(100 * at1000);
        assertThat(at480).isGreaterThan(100 * at1000);
    }

    private static double energy(WavPrompt prompt, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double s = prompt.law().decode(prompt.sample(i));
            sum += s * s;
        }
        return sum / (to - from);
    }

    /** Power at one frequency over the first second. */
    private static double goertzel(WavPrompt prompt, double frequency) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / 8000);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = 0; i < 8000; i++) {
            double current = prompt.law().decode(prompt.sample(i)) + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }
}
