package io.callisto.gateway.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DigestParamsTest {

    @Test
    void readsQuotedAndTokenValuesInAnyOrderWithAnyCase() {
        DigestParams params = DigestParams.parse("digest  NC=00000002 ,QOP=\"auth\",Realm = \"tenant \\\"one\\\"\","
                + "\tusername=\"a\\\\b\", nonce=abc/def==, ,response=\"\"");

        assertThat(params.get("nc")).contains("00000002");
        assertThat(params.get("Qop")).contains("auth");
        assertThat(params.get("realm")).contains("tenant \"one\"");
        assertThat(params.get("username")).contains("a\\b");
        assertThat(params.get("nonce")).as("unquoted, as some phones write it").contains("abc/def==");
        assertThat(params.get("response")).contains("");
        assertThat(params.get("cnonce")).isEmpty();
    }

    @Test
    void formatsWithEscapesAndParsesBackToTheSameValues() {
        DigestParams built = DigestParams.builder().quoted("username", "o\"brien\\x").quoted("realm", "tenant-1")
                .token("algorithm", "SHA-256").token("nc", "00000001").build();

        assertThat(built.toString())
                .isEqualTo("Digest username=\"o\\\"brien\\\\x\", realm=\"tenant-1\", algorithm=SHA-256, nc=00000001");
        DigestParams parsed = DigestParams.parse(built.toString());
        assertThat(parsed.get("username")).contains("o\"brien\\x");
        assertThat(parsed.toString()).isEqualTo(built.toString());
    }

    @Test
    void keepsNonAsciiQuotedText() {
        assertThat(DigestParams.parse("Digest username=\"Zoë\"").get("username")).contains("Zoë");
    }

    @Test
    void builderRefusesValuesItCouldNotWrite() {
        assertThatThrownBy(() -> DigestParams.builder().token("algorithm", "SHA 256"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DigestParams.builder().quoted("realm", "a\r\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DigestParams.builder().quoted("bad name", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DigestParams.builder().quoted("realm", "a").quoted("REALM", "b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate parameter REALM");
        assertThatThrownBy(() -> DigestParams.builder().build()).isInstanceOf(IllegalArgumentException.class);
    }
}
