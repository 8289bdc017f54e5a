package io.callisto.gateway.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken Authorization values of every kind: a MALFORMED verdict with a reason, never an exception. */
class DigestMalformedTest {

    private static final String REALM = "tenant-1";
    private static final Ha1Source USERS = username -> Optional.of(Ha1.fromPassword(username, REALM, "pw"));

    private final DigestNonces nonces = new DigestNonces("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private final DigestVerifier verifier = new DigestVerifier(nonces);

    static Stream<Arguments> malformed() {
        String ok = "username=\"u\", realm=\"tenant-1\", nonce=\"n\", uri=\"sip:x\", response=\"" + "0".repeat(32) + "\"";
        return Stream.of(
                row(null, "no header value"),
                row("", "expected the Digest scheme"),
                row("   ", "expected the Digest scheme"),
                row("Basic dXNlcjpwYXNz", "not a Digest header: scheme Basic"),
                row("Digest", "no parameters after Digest"),
                row("Digest , ,", "no parameters after Digest"),
                row("Digestusername=\"u\"", "not a Digest header: scheme Digestusername"),
                row("Digest username", "expected '=' after username"),
                row("Digest username=", "parameter username has no value"),
                row("Digest username=,realm=x", "parameter username has no value"),
                row("Digest =\"u\"", "expected a parameter name at column 8"),
                row("Digest username=\"u", "unterminated quoted string"),
                row("Digest username=\"u\\", "unterminated quoted string"),
                row("Digest username=\"u\"realm=\"r\"", "expected ',' at column 20"),
                row("Digest username=u\"x\"", "expected ',' at column 18"),
                row("Digest username=\"u\", USERNAME=\"v\"", "duplicate parameter USERNAME"),
                row("Digest username=\"u\r\n\"", "control character U+000D at column 19"),
                row("Digest username=\"\u0000\"", "control character U+0000 at column 18"),
                row("Digest " + ok + ", x=\"" + "y".repeat(DigestParams.MAX_LENGTH) + "\"", "longer than 4096 characters"),
                row("Digest " + ok.replace("username=\"u\", ", ""), "missing username"),
                row("Digest " + ok.replace("realm=\"tenant-1\", ", ""), "missing realm"),
                row("Digest " + ok.replace("nonce=\"n\", ", ""), "missing nonce"),
                row("Digest " + ok.replace("uri=\"sip:x\", ", ""), "missing uri"),
                row("Digest " + ok.replace(", response=\"" + "0".repeat(32) + "\"", ""), "missing response"),
                row("Digest " + ok.replace("username=\"u\"", "username=\"\""), "empty username"),
                row("Digest " + ok.replace("0".repeat(32), "0".repeat(31)), "response is not a MD5 hex digest"),
                row("Digest " + ok.replace("0".repeat(32), "g".repeat(32)), "response is not a MD5 hex digest"),
                row("Digest " + ok + ", algorithm=SHA-256", "response is not a SHA-256 hex digest"),
                row("Digest " + ok + ", algorithm=SHA-1", "unsupported algorithm SHA-1"),
                row("Digest " + ok + ", algorithm=SHA-512-256", "response is not a SHA-512-256 hex digest"),
                row("Digest " + ok + ", qop=auth-int, nc=00000001, cnonce=\"c\"", "unsupported qop auth-int"),
                row("Digest " + ok + ", qop=auth, cnonce=\"c\"", "missing nc"),
                row("Digest " + ok + ", qop=auth, nc=1, cnonce=\"c\"", "nc must be 8 hex digits"),
                row("Digest " + ok + ", qop=auth, nc=0000000g, cnonce=\"c\"", "nc must be 8 hex digits"),
                row("Digest " + ok + ", qop=auth, nc=00000001", "missing cnonce"),
                row("Digest " + ok + ", qop=auth, nc=00000001, cnonce=\"\"", "empty cnonce"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void isMalformedWithAReason(String header, String reason) {
        Verification result = verifier.verify(header, "REGISTER", REALM, USERS);

        assertThat(result).isInstanceOfSatisfying(Verification.Malformed.class,
                malformed -> assertThat(malformed.reason()).contains(reason));
    }

    @Test
    void survivesRandomMutationsOfARealHeader() {
        DigestChallenger challenger = new DigestChallenger(nonces);
        DigestClient client = new DigestClient();
        Random random = new Random(7_2017L);
        String alphabet = "\"\\,= \tabcnrqo0123456789-\u0000\r\n\u00e9";
        int malformed = 0;
        for (int round = 0; round < 3_000; round++) {
            String header = client.authorize(challenger.challenges(REALM, false).get(round % 2), "u", "pw", "REGISTER", "sip:x");
            for (int i = random.nextInt(4); i >= 0; i--) {
                int at = random.nextInt(header.length());
                header = random.nextBoolean()
                        ? header.substring(0, at) + alphabet.charAt(random.nextInt(alphabet.length())) + header.substring(at + 1)
                        : header.substring(0, at) + header.substring(Math.min(header.length(), at + 1 + random.nextInt(12)));
            }
            Verification result = verifier.verify(header, "REGISTER", REALM, USERS);
            assertThat(result).isNotNull();
            malformed += result instanceof Verification.Malformed ? 1 : 0;
        }
        assertThat(malformed).isBetween(100, 2_999);
    }

    @Test
    void theClientRefusesChallengesItCannotAnswer() {
        DigestClient client = new DigestClient();

        String authInt = "Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"";
        String sha1 = "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-1";

        assertThatThrownBy(() -> client.authorize(authInt, "u", "p", "INVITE", "sip:x"))
                .isInstanceOf(DigestException.class).hasMessage("unsupported qop auth-int");
        assertThatThrownBy(() -> client.authorize(sha1, "u", "p", "INVITE", "sip:x"))
                .isInstanceOf(DigestException.class).hasMessage("unsupported algorithm SHA-1");
        assertThatThrownBy(() -> client.authorize("Digest nonce=\"n\"", "u", "p", "INVITE", "sip:x"))
                .isInstanceOf(DigestException.class).hasMessage("challenge has no realm");
        assertThatThrownBy(() -> client.authorize("Digest realm=\"r\"", "u", "p", "INVITE", "sip:x"))
                .isInstanceOf(DigestException.class).hasMessage("challenge has no nonce");
        assertThatThrownBy(() -> client.authorize(List.of("Basic realm=\"r\"", "Digest realm=\"r\", algorithm=SHA-1"),
                "u", "p", "INVITE", "sip:x")).isInstanceOf(DigestException.class)
                .hasMessage("no usable challenge: not a Digest header: scheme Basic; challenge has no nonce");
    }

    private static Arguments row(String header, String reason) {
        return Arguments.of(header, reason);
    }
}
