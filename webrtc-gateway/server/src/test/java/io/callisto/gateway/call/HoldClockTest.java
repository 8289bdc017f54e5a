package io.callisto.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.gateway.media.rtp.Side;
import io.callisto.gateway.sip.sdp.Direction;
import io.callisto.gateway.sip.sdp.NegotiatedMedia;
import io.callisto.gateway.sip.sdp.RtpMap;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HoldClockTest {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void countsTimeOnHoldOnceWhenBothSidesHold() {
        HoldClock clock = new HoldClock();
        clock.set(Side.B, true, T0);
        clock.set(Side.A, true, T0.plusSeconds(5));
        clock.set(Side.B, false, T0.plusSeconds(10));
        assertThat(clock.seconds(T0.plusSeconds(12))).as("still held by A").isEqualTo(12);
        clock.set(Side.A, false, T0.plusSeconds(15));
        clock.set(Side.B, true, T0.plusSeconds(20));
        clock.set(Side.B, false, T0.plusSeconds(23));
        assertThat(clock.seconds(T0.plusSeconds(60))).isEqualTo(18);
    }

    @Test
    void resumingWithoutHoldingChangesNothing() {
        HoldClock clock = new HoldClock();
        clock.set(Side.A, false, T0);
        assertThat(clock.seconds(T0.plusSeconds(30))).isZero();
    }

    @Test
    void holdIsSendonlyOrInactiveOfferedOrTheOldZeroAddress() {
        assertThat(HoldClock.holds(media("127.0.0.1", Direction.RECVONLY))).isTrue();
        assertThat(HoldClock.holds(media("127.0.0.1", Direction.INACTIVE))).isTrue();
        assertThat(HoldClock.holds(media("0.0.0.0", Direction.SENDRECV))).isTrue();
        assertThat(HoldClock.holds(media("127.0.0.1", Direction.SENDRECV))).isFalse();
        assertThat(HoldClock.holds(media("127.0.0.1", Direction.SENDONLY))).isFalse();
    }

    static NegotiatedMedia media(String address, Direction direction) {
        return new NegotiatedMedia(address, 40000, 40001, RtpMap.PCMU, 101, 20, direction);
    }
}
