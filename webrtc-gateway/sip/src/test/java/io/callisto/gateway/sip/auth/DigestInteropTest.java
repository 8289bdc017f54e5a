package io.callisto.gateway.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Our client answering our server: the registrar's and the trunks' whole digest exchange, end to end. */
class DigestInteropTest {

    private static final String REALM = "tenant-7f3a";
    private static final String URI = "sip:tenant-7f3a.callisto.example";

    private final TestClock clock = new TestClock();
    private final DigestNonces nonces = new DigestNonces("a server secret of 32 bytes....".getBytes(StandardCharsets.UTF_8),
            Duration.ofMinutes(5), clock);
    private final DigestChallenger challenger = new DigestChallenger(nonces);
    private final DigestVerifier verifier = new DigestVerifier(nonces);
    private final DigestClient client = new DigestClient();
    private final Ha1Source users = username -> Optional.ofNullable(
            Map.of("1001", Ha1.fromPassword("1001", REALM, "s3cret!")).get(username));

    @Test
    void challengesWithMd5ThenSha256SharingOneNonce() {
        List<String> challenges = challenger.challenges(REALM, false);

        assertThat(challenges).hasSize(2);
        DigestParams md5 = DigestParams.parse(challenges.get(0));
        DigestParams sha256 = DigestParams.parse(challenges.get(1));
        assertThat(challenges.get(0)).startsWith("Digest realm=\"tenant-7f3a\", nonce=\"")
                .endsWith("\", algorithm=MD5, qop=\"auth\"");
        assertThat(challenges.get(1)).endsWith("\", algorithm=SHA-256, qop=\"auth\"");
        assertThat(md5.get("nonce")).isEqualTo(sha256.get("nonce")).hasValueSatisfying(n -> assertThat(n).hasSize(64));
        assertThat(md5.get("stale")).isEmpty();
        assertThat(challenger.challenges(REALM, true).getFirst()).endsWith(", stale=true");
    }

    @Test
    void acceptsTheRightPasswordWithEitherAlgorithm() {
        for (int i = 0; i < 2; i++) {
            // a fresh pair each time: both challenges share a nonce, and nc=1 of a nonce is accepted once
            String challenge = challenger.challenges(REALM, false).get(i);
            String authorization = register(challenge);

            assertThat(verifier.verify(authorization, "REGISTER", REALM, users)).isEqualTo(Verification.ok("1001"));
        }
        List<String> shaFirst = challenger.challenges(REALM, false).reversed();
        assertThat(client.authorize(shaFirst, "1001", "s3cret!", "REGISTER", URI)).contains("algorithm=SHA-256");
    }

    @Test
    void refusesAWrongPasswordAnUnknownUserAndAnotherRealm() {
        String challenge = challenger.challenges(REALM, false).getFirst();

        assertThat(verify(register(challenge, "1001", "guess"))).isEqualTo(Verification.BAD_CREDENTIALS);
        assertThat(verify(register(challenge, "1002", "s3cret!"))).isEqualTo(Verification.BAD_CREDENTIALS);
        String otherRealm = challenge.replace(REALM, "tenant-other");
        assertThat(verify(register(otherRealm))).isEqualTo(Verification.BAD_CREDENTIALS);
    }

    @Test
    void refusesADigestForAnotherMethod() {
        String authorization = register(freshChallenge());

        assertThat(verifier.verify(authorization, "INVITE", REALM, users)).isEqualTo(Verification.BAD_CREDENTIALS);
    }

    @Test
    void refusesTamperedAndForeignNonces() {
        String nonce = DigestParams.parse(challenger.challenges(REALM, false).getFirst()).get("nonce").orElseThrow();
        char flipped = nonce.charAt(10) == 'A' ? 'B' : 'A';
        String tampered = nonce.substring(0, 10) + flipped + nonce.substring(11);
        DigestNonces otherServer = new DigestNonces("another secret, another server".getBytes(StandardCharsets.UTF_8));

        for (String bad : List.of(tampered, otherServer.issue(), "dcd98b7102dd2f0e8b11d0f600bfb0c093", "%".repeat(64))) {
            String authorization = register(challengeWith(bad));

            assertThat(verify(authorization)).as(bad).isEqualTo(Verification.BAD_CREDENTIALS);
            assertThat(nonces.freshness(bad)).isEqualTo(DigestNonces.Freshness.FORGED);
        }
    }

    @Test
    void anExpiredNonceIsStaleOnlyWithTheRightPassword() {
        String challenge = challenger.challenges(REALM, false).getFirst();
        String right = register(challenge);
        String wrong = register(challenge, "1001", "guess");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(verify(right)).isEqualTo(Verification.STALE);
        assertThat(verify(wrong)).as("stale=true would tell a guesser the password was right")
                .isEqualTo(Verification.BAD_CREDENTIALS);
        String fresh = register(challenger.challenges(REALM, true).getFirst());
        assertThat(verify(fresh)).isEqualTo(Verification.ok("1001"));
    }

    @Test
    void aNonceIsFreshForItsWholeLifetime() {
        String authorization = register(freshChallenge());

        clock.advance(Duration.ofMinutes(5));

        assertThat(verify(authorization)).isEqualTo(Verification.ok("1001"));
    }

    @Test
    void refusesAReplayedNonceCountButAcceptsTheNextOne() {
        String challenge = challenger.challenges(REALM, false).getFirst();
        String first = register(challenge);

        assertThat(verify(first)).isEqualTo(Verification.ok("1001"));
        assertThat(verify(first)).as("the same request again").isEqualTo(Verification.STALE);
        String second = withNonceCount(challenge, first, "00000002");
        assertThat(verify(second)).isEqualTo(Verification.ok("1001"));
        assertThat(verify(withNonceCount(challenge, first, "00000001"))).as("a lower count").isEqualTo(Verification.STALE);
    }

    @Test
    void acceptsRfc2069CredentialsOncePerNonce() {
        String nonce = nonces.issue();
        String challenge = "Digest realm=\"" + REALM + "\", nonce=\"" + nonce + "\"";

        String authorization = register(challenge);

        DigestParams sent = DigestParams.parse(authorization);
        assertThat(List.of("qop", "nc", "cnonce")).allSatisfy(name -> assertThat(sent.get(name)).isEmpty());
        assertThat(verify(authorization)).isEqualTo(Verification.ok("1001"));
        assertThat(verify(authorization)).isEqualTo(Verification.STALE);
    }

    @Test
    void refusesAlgorithmsItDidNotOffer() {
        String challenge = challenger.challenges(REALM, false).getFirst().replace("algorithm=MD5", "algorithm=MD5-sess");

        Verification result = verify(register(challenge));

        assertThat(result).isEqualTo(Verification.malformed("algorithm MD5-sess was not offered"));
    }

    @Test
    void replayWindowEvictionNeverReopensAReplay() {
        DigestVerifier small = new DigestVerifier(nonces, 2);
        String first = register(freshChallenge());
        assertThat(small.verify(first, "REGISTER", REALM, users)).isEqualTo(Verification.ok("1001"));
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofMillis(1));
            String other = register(freshChallenge());
            assertThat(small.verify(other, "REGISTER", REALM, users)).isEqualTo(Verification.ok("1001"));
        }

        assertThat(small.verify(first, "REGISTER", REALM, users)).as("evicted, so refused as stale")
                .isEqualTo(Verification.STALE);
    }

    private String freshChallenge() {
        return challenger.challenges(REALM, false).getFirst();
    }

    private String register(String challenge) {
        return register(challenge, "1001", "s3cret!");
    }

    private String register(String challenge, String username, String password) {
        return client.authorize(challenge, username, password, "REGISTER", URI);
    }

    private Verification verify(String authorization) {
        return verifier.verify(authorization, "REGISTER", REALM, users);
    }

    private static String challengeWith(String nonce) {
        return "Digest realm=\"" + REALM + "\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\"";
    }

    /** The same credentials recomputed for another nc, as a client reusing a nonce would send them. */
    private static String withNonceCount(String challenge, String authorization, String nc) {
        DigestParams sent = DigestParams.parse(authorization);
        String cnonce = sent.get("cnonce").orElseThrow();
        String nonce = DigestParams.parse(challenge).get("nonce").orElseThrow();
        String ha1 = DigestAlgorithm.MD5.ha1("1001", REALM, "s3cret!");
        String response = DigestAlgorithm.MD5.response(ha1, nonce, nc, cnonce, "auth", "REGISTER", URI);
        return authorization.replace("nc=00000001", "nc=" + nc)
                .replace(sent.get("response").orElseThrow(), response);
    }
}
