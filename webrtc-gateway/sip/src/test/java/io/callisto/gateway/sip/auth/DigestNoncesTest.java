package io.callisto.gateway.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DigestNoncesTest {

    private static final byte[] SECRET = "sixteen bytes at least, here 32!".getBytes(StandardCharsets.US_ASCII);

    private final TestClock clock = new TestClock();
    private final DigestNonces nonces = new DigestNonces(SECRET, Duration.ofSeconds(60), clock);

    @Test
    void issuesDistinctUrlSafeNonces() {
        String first = nonces.issue();
        String second = nonces.issue();

        assertThat(first).hasSize(64).matches("[A-Za-z0-9_-]{64}").isNotEqualTo(second);
        assertThat(nonces.freshness(first)).isEqualTo(DigestNonces.Freshness.FRESH);
    }

    @Test
    void ageDecidesFreshnessBothWays() {
        String nonce = nonces.issue();

        clock.advance(Duration.ofSeconds(60));
        assertThat(nonces.freshness(nonce)).isEqualTo(DigestNonces.Freshness.FRESH);
        clock.advance(Duration.ofMillis(1));
        assertThat(nonces.freshness(nonce)).isEqualTo(DigestNonces.Freshness.STALE);

        clock.advance(Duration.ofSeconds(-120));
        String fromTheFuture = nonces.issue();
        clock.advance(Duration.ofSeconds(-61));
        assertThat(nonces.freshness(fromTheFuture)).as("issued by a node whose clock runs ahead")
                .isEqualTo(DigestNonces.Freshness.STALE);
    }

    @Test
    void onlyTheSameSecretMakesAuthenticNonces() {
        DigestNonces sameSecret = new DigestNonces(SECRET.clone(), Duration.ofSeconds(60), clock);
        byte[] other = SECRET.clone();
        other[0] ^= 1;

        assertThat(sameSecret.freshness(nonces.issue())).isEqualTo(DigestNonces.Freshness.FRESH);
        assertThat(new DigestNonces(other).freshness(nonces.issue())).isEqualTo(DigestNonces.Freshness.FORGED);
        assertThat(nonces.freshness(null)).isEqualTo(DigestNonces.Freshness.FORGED);
        assertThat(nonces.freshness("")).isEqualTo(DigestNonces.Freshness.FORGED);
    }

    @Test
    void refusesWeakConfiguration() {
        assertThatThrownBy(() -> new DigestNonces(new byte[15])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> new DigestNonces(SECRET, Duration.ZERO, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
