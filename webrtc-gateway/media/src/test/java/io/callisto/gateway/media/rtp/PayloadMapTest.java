package io.callisto.gateway.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PayloadMapTest {

    @Test
    void identityPassesEveryTypeAndKnowsNoTelephoneEvent() {
        PayloadMap identity = PayloadMap.identity();

        assertThat(identity.map(0)).isZero();
        assertThat(identity.map(101)).isEqualTo(101);
        assertThat(identity.map(127)).isEqualTo(127);
        assertThat(identity.isTelephoneEvent(101)).isFalse();
    }

    @Test
    void mapsTheNegotiatedTypesAndDropsTheRest() {
        PayloadMap callerToAgent = PayloadMap.builder().audio(0).audio(8).telephoneEvent(101, 96).build();

        assertThat(callerToAgent.map(0)).isZero();
        assertThat(callerToAgent.map(8)).isEqualTo(8);
        assertThat(callerToAgent.map(101)).isEqualTo(96);
        assertThat(callerToAgent.isTelephoneEvent(101)).isTrue();
        assertThat(callerToAgent.isTelephoneEvent(0)).isFalse();
        assertThat(callerToAgent.map(18)).as("G.729 was not negotiated").isEqualTo(PayloadMap.DROP);
        assertThat(callerToAgent.isTelephoneEvent(18)).isFalse();
        assertThat(callerToAgent.map(96)).isEqualTo(PayloadMap.DROP);
        assertThat(callerToAgent.toString()).contains("101->96(te)", "0->0", "8->8");
    }

    @Test
    void renumbersAudio() {
        PayloadMap map = PayloadMap.builder().audio(97, 0).build();

        assertThat(map.map(97)).isZero();
        assertThat(map.map(0)).isEqualTo(PayloadMap.DROP);
    }

    @Test
    void builtMapsAreImmutable() {
        PayloadMap.Builder builder = PayloadMap.builder().audio(0);
        PayloadMap first = builder.build();
        builder.audio(8);

        assertThat(first.map(8)).isEqualTo(PayloadMap.DROP);
        assertThat(builder.build().map(8)).isEqualTo(8);
    }

    @Test
    void rejectsImpossibleTypes() {
        assertThatThrownBy(() -> PayloadMap.builder().audio(128)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..127");
        assertThatThrownBy(() -> PayloadMap.builder().audio(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayloadMap.builder().telephoneEvent(101, 72)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RTCP");
    }
}
