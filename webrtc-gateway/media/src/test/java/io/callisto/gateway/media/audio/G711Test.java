package io.callisto.gateway.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void decodesKnownMuLawValues() {
        assertThat(G711.ulawToLinear((byte) 0xFF)).isZero();
        assertThat(G711.ulawToLinear((byte) 0x7F)).isZero();
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawToLinear((byte) 0xFE)).isEqualTo((short) 8);
        assertThat(G711.ulawToLinear((byte) 0x7E)).isEqualTo((short) -8);
        assertThat(G711.ulawToLinear((byte) 0xEF)).isEqualTo((short) 132);
    }

    @Test
    void decodesKnownALawValues() {
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
        assertThat(G711.alawToLinear((byte) 0xD4)).isEqualTo((short) 24);
    }

    @Test
    void encodesKnownValues() {
        assertThat(G711.linearToUlaw(0)).isEqualTo((byte) 0xFF);
        assertThat(G711.linearToUlaw(32767)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToUlaw(-32768)).isEqualTo((byte) 0x00);
        assertThat(G711.linearToUlaw(100_000)).as("clipped").isEqualTo((byte) 0x80);
        assertThat(G711.linearToAlaw(0)).isEqualTo((byte) 0xD5);
        assertThat(G711.linearToAlaw(-1)).isEqualTo((byte) 0x55);
        assertThat(G711.linearToAlaw(32767)).isEqualTo((byte) 0xAA);
        assertThat(G711.linearToAlaw(-32768)).isEqualTo((byte) 0x2A);
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            byte b = (byte) code;
            assertThat(G711.linearToAlaw(G711.alawToLinear(b))).as("A-law %02x", code).isEqualTo(b);
            if (code != 0x7F) { // mu-law has two zeros; 0x7F (-0) encodes back as 0xFF (+0)
                assertThat(G711.linearToUlaw(G711.ulawToLinear(b))).as("mu-law %02x", code).isEqualTo(b);
            }
        }
    }

    @Test
    void decodingIsMonotonicAndQuantisationErrorIsSmall() {
        for (int sample = -32768; sample <= 32767; sample += 7) {
            int mu = G711.ulawToLinear(G711.linearToUlaw(sample));
            int a = G711.alawToLinear(G711.linearToAlaw(sample));
            // the step grows with magnitude: at most 1/16 of it plus the smallest step
            int tolerance = Math.abs(sample) / 16 + 16;
            assertThat(Math.abs(mu - sample)).as("mu-law %d -> %d", sample, mu).isLessThanOrEqualTo(tolerance + 124);
            assertThat(Math.abs(a - sample)).as("A-law %d -> %d", sample, a).isLessThanOrEqualTo(tolerance);
        }
    }

    @Test
    void lawsKnowTheirPayloadTypes() {
        assertThat(G711.Law.ofPayloadType(0)).isEqualTo(G711.Law.MU_LAW);
        assertThat(G711.Law.ofPayloadType(8)).isEqualTo(G711.Law.A_LAW);
        assertThat(G711.Law.ofPayloadType(18)).isNull();
        assertThat(G711.Law.MU_LAW.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.Law.A_LAW.encode(0)).isEqualTo((byte) 0xD5);
    }
}
