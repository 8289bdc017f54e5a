package io.callisto.gateway.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken bodies: the parser either accepts them or throws an SdpException of its own (never a
 * wrapped bug, never anything else), and whatever it accepts it writes back to an equal model.
 */
class SdpFuzzTest {

    private static final String ALPHABET = "0123456789 abcdefmrstvoIPN:/=.-*\t\r\n\u0000\u0007\u0085\u00e9\u2028";
    private static final List<String> LINES = List.of("m=audio 0 RTP/AVP 0", "m=video 9 RTP/AVP 96", "a=sendonly", "a=inactive",
            "c=IN IP6 ::1", "c=IN IP4 0.0.0.0", "a=rtpmap:96 x/1", "a=rtpmap:0 PCMA/8000/2", "a=fmtp:0", "t=1 2", "r=1 2",
            "a=rtcp:1 IN IP6 ::", "a=rtcp-mux", "a=ptime:1000", "b=AS:1", "z=1 -1h", "k=clear:x", "v=0", "s= ", "i=", "q=?");

    private final Random random = new Random(20_240_917L);
    private int accepted;
    private int rejected;

    @Test
    void survivesTruncationAtEveryCharacter() {
        for (String sample : SdpSamples.ALL) {
            for (int length = 0; length <= sample.length(); length++) {
                check(sample.substring(0, length));
            }
        }
        assertThat(accepted).as("truncations at line ends still parse").isPositive();
        assertThat(rejected).isPositive();
    }

    @Test
    void survivesThousandsOfRandomMutations() {
        for (int round = 0; round < 4_000; round++) {
            String text = SdpSamples.ALL.get(random.nextInt(SdpSamples.ALL.size()));
            int mutations = 1 + random.nextInt(4);
            for (int i = 0; i < mutations; i++) {
                text = mutate(text);
            }
            check(text);
        }
        assertThat(accepted).isGreaterThan(100);
        assertThat(rejected).isGreaterThan(100);
    }

    @Test
    void survivesRandomBytes() {
        for (int round = 0; round < 1_000; round++) {
            byte[] body = new byte[random.nextInt(400)];
            random.nextBytes(body);
            if (round % 2 == 0 && body.length > 4) {
                // most random bodies die at line 1; give half of them a valid start to get further in
                System.arraycopy("v=0\n".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 4);
            }
            checkBytes(body);
        }
        assertThat(rejected).isEqualTo(1_000);
    }

    private String mutate(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(6)) {
            case 0 -> text.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
            case 2 -> text.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + text.substring(at);
            case 3 -> insertLine(text, LINES.get(random.nextInt(LINES.size())));
            case 4 -> shuffleTwoLines(text);
            default -> digitsAt(text, at);
        };
    }

    private String insertLine(String text, String line) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n", -1)));
        lines.add(random.nextInt(lines.size() + 1), line);
        return String.join("\r\n", lines);
    }

    private String shuffleTwoLines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n", -1)));
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        String swap = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, swap);
        return String.join("\r\n", lines);
    }

    /** Replaces a digit run with an extreme number, to hit the range checks. */
    private String digitsAt(String text, int at) {
        String[] extremes = {"0", "65535", "65536", "127", "128", "99999999999999999999", "-1", "007"};
        return text.substring(0, at) + extremes[random.nextInt(extremes.length)] + text.substring(at);
    }

    private void check(String text) {
        SessionDescription parsed;
        try {
            parsed = SdpParser.parse(text);
        } catch (SdpException e) {
            assertThat(e.getCause()).as("a wrapped parser bug for %s", text).isNull();
            rejected++;
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("not an SdpException for:\n" + text, e);
        }
        accepted++;
        String written = parsed.toString();
        SessionDescription reparsed;
        try {
            reparsed = SdpParser.parse(written);
        } catch (SdpException e) {
            throw new AssertionError("accepted\n" + text + "\nbut not its canonical form\n" + written, e);
        }
        // plain equals, not AssertJ, in this hot loop: the test must stay fast
        if (!reparsed.equals(parsed)) {
            fail("round trip of\n" + text + "\nwritten as\n" + written + "\nparsed back as\n" + reparsed);
        }
    }

    private void checkBytes(byte[] body) {
        try {
            SdpParser.parse(body);
            accepted++;
        } catch (SdpException e) {
            assertThat(e.getCause()).isNull();
            rejected++;
        }
    }
}
