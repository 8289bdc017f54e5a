package io.callisto.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.ids.TenantId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTokenTest {
    private static final TenantId TENANT = new TenantId("tacme");
    private static final String SECRET_40 = "s".repeat(40);

    @Test
    void generatedTokenHasTheShapeAndParsesBack() {
        SecretToken token = SecretToken.generate("ck", TENANT, "k123");
        assertThat(token.kind()).isEqualTo("ck");
        assertThat(token.tenantId()).isEqualTo(TENANT);
        assertThat(token.id()).isEqualTo("k123");
        assertThat(token.secret()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(token.value()).isEqualTo("ck.tacme.k123." + token.secret());
        assertThat(SecretToken.parse("ck", token.value())).contains(token);
    }

    @Test
    void everyGeneratedSecretIsDifferent() {
        SecretToken a = SecretToken.generate("rt", TENANT, "r1");
        SecretToken b = SecretToken.generate("rt", TENANT, "r1");
        assertThat(a.secret()).isNotEqualTo(b.secret());
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    @Test
    void hashIsTheSha256HexOfTheWholeValue() {
        assertThat(SecretToken.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        SecretToken token = SecretToken.generate("ck", TENANT, "k1");
        assertThat(token.hash()).isEqualTo(SecretToken.sha256(token.value())).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void matchesHashOnlyForItsOwnExactHash() {
        SecretToken token = SecretToken.generate("ck", TENANT, "k1");
        SecretToken other = SecretToken.generate("ck", TENANT, "k1");
        assertThat(token.matchesHash(token.hash())).isTrue();
        assertThat(token.matchesHash(other.hash())).isFalse();
        assertThat(token.matchesHash(token.hash().toUpperCase(Locale.ROOT))).isFalse();
        assertThat(token.matchesHash(token.hash().substring(1))).isFalse();
        assertThat(token.matchesHash("")).isFalse();
    }

    @Test
    void toStringHidesTheSecret() {
        SecretToken token = SecretToken.generate("rt", TENANT, "r1");
        assertThat(token.toString()).isEqualTo("rt.tacme.r1.***").doesNotContain(token.secret());
    }

    @Test
    void parseAcceptsTheMinimumSecretLengthAndTheMaximumTotalLength() {
        assertThat(SecretToken.parse("ck", "ck.tacme.k1." + SECRET_40)).isPresent();
        String longest = "ck.tacme.k1." + "s".repeat(256 - "ck.tacme.k1.".length());
        assertThat(longest).hasSize(256);
        assertThat(SecretToken.parse("ck", longest)).isPresent();
        assertThat(SecretToken.parse("ck", longest + "s")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "rt.tacme.k1.ssssssssssssssssssssssssssssssssssssssss",
        "CK.tacme.k1.ssssssssssssssssssssssssssssssssssssssss",
        "ck.tacme.k1.sssssssssssssssssssssssssssssssssssssss",
        "ck.tacme.ssssssssssssssssssssssssssssssssssssssss",
        "ck.tacme.k1.ssssssssssssssssssssssssssssssssssssssss.x",
        "ck..k1.ssssssssssssssssssssssssssssssssssssssss",
        "ck.tacme..ssssssssssssssssssssssssssssssssssssssss",
        "ck. .k1.ssssssssssssssssssssssssssssssssssssssss",
        "ck.tacme.k1.",
        "garbage",
        "...."
    })
    void parseRejectsMalformedTokens(String presented) {
        assertThat(SecretToken.parse("ck", presented)).isEmpty();
    }

    @Test
    void parseRejectsAnInvalidTenantId() {
        assertThat(SecretToken.parse("ck", "ck." + "t".repeat(65) + ".k1." + SECRET_40)).isEmpty();
    }
}
