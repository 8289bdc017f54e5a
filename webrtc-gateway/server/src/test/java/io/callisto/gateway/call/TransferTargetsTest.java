package io.callisto.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransferTargetsTest {
    @Test
    void aBlindTargetIsTheUserOfTheUri() {
        assertThat(TransferTargets.userOf("<sip:bob@t1234>")).isEqualTo("bob");
        assertThat(TransferTargets.userOf("sip:q_sales@gw.example;transport=udp")).isEqualTo("q_sales");
        assertThat(TransferTargets.userOf("<tel:+15551234>")).isNull();
        assertThat(TransferTargets.userOf("<sip:bob@t1?Replaces=abc%3Bto-tag%3D1%3Bfrom-tag%3D2>")).isNull();
        assertThat(TransferTargets.userOf("<sip:bob@t1?replaces=abc>")).as("never blind when it names a dialog").isNull();
    }

    @Test
    void replacesIsDecodedWithItsTagsInAnyOrder() {
        assertThat(TransferTargets.replacesOf("<sip:bob@t1?Replaces=abc%40host%3Bto-tag%3Dt1%3Bfrom-tag%3Df1>"))
                .contains(new TransferTargets.Replaces("abc@host", "t1", "f1"));
        assertThat(TransferTargets.replacesOf("<sip:bob@t1?Require=replaces&replaces=x%3Bfrom-tag%3Df%3Bto-tag%3Dt>"))
                .contains(new TransferTargets.Replaces("x", "t", "f"));
        assertThat(TransferTargets.replacesOf("<sip:bob@t1?Replaces=x%3Bto-tag%3Dt%3Bfrom-tag%3Df;early-only>"))
                .contains(new TransferTargets.Replaces("x", "t", "f"));
        assertThat(TransferTargets.replacesOf("<sip:bob@t1?Replaces=a+b@h%3Bto-tag%3Dt+1%3Bfrom-tag%3Df>"))
                .as("'+' is legal in Call-IDs and tags, not a space").contains(new TransferTargets.Replaces("a+b@h", "t+1", "f"));
    }

    @Test
    void replacesWithoutACallIdOrBothTagsOrWithBadEscapesIsNone() {
        assertThat(TransferTargets.replacesOf("<sip:bob@t1>")).isEmpty();
        assertThat(TransferTargets.replacesOf("<sip:bob@t1?Replaces=abc%3Bto-tag%3Dt1>")).isEmpty();
        assertThat(TransferTargets.replacesOf("<sip:bob@t1?Replaces=%3Bto-tag%3Dt%3Bfrom-tag%3Df>")).isEmpty();
        assertThat(TransferTargets.replacesOf("<sip:bob@t1?Replaces=abc%ZZ%3Bto-tag%3Dt%3Bfrom-tag%3Df>")).isEmpty();
        assertThat(TransferTargets.replacesOf(null)).isEmpty();
        assertThat(TransferTargets.replacesOf("<sip:bob@t1?Replaces=" + "a".repeat(3000) + ">")).isEmpty();
    }
}
