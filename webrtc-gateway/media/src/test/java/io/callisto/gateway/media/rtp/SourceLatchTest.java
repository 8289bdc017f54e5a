package io.callisto.gateway.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SourceLatchTest {

    private static final InetSocketAddress SDP = new InetSocketAddress("127.0.0.1", 30000);
    private static final InetSocketAddress NAT = new InetSocketAddress("127.0.0.1", 41234);
    private static final InetSocketAddress SPOOF = new InetSocketAddress("127.0.0.1", 9999);

    private final SourceLatch latch = new SourceLatch(3);

    SourceLatchTest() {
        latch.reset(SDP);
    }

    @Test
    void sendsToSdpUntilTheFirstPacketThenToItsSource() {
        assertThat(latch.destination()).isEqualTo(SDP);
        assertThat(latch.latched()).isNull();

        assertThat(latch.accept(NAT)).isTrue();

        assertThat(latch.destination()).isEqualTo(NAT);
        assertThat(latch.latched()).isEqualTo(NAT);
    }

    @Test
    void refusesOtherSourcesAfterLatching() {
        latch.accept(NAT);

        assertThat(latch.accept(SPOOF)).isFalse();
        assertThat(latch.accept(new InetSocketAddress("127.0.0.1", 41234))).as("equal, not same instance").isTrue();
        assertThat(latch.destination()).isEqualTo(NAT);
    }

    @Test
    void relatchesOnlyAfterThresholdConsecutivePackets() {
        latch.accept(NAT);

        assertThat(latch.accept(SPOOF)).isFalse();
        assertThat(latch.accept(SPOOF)).isFalse();
        assertThat(latch.accept(NAT)).as("the latched source interrupts the run").isTrue();
        assertThat(latch.accept(SPOOF)).isFalse();
        assertThat(latch.accept(SPOOF)).isFalse();
        assertThat(latch.destination()).isEqualTo(NAT);

        assertThat(latch.accept(SPOOF)).as("third in a row").isTrue();
        assertThat(latch.destination()).isEqualTo(SPOOF);
        assertThat(latch.relatches()).isEqualTo(1);
        assertThat(latch.accept(NAT)).as("the old source is now foreign").isFalse();
    }

    @Test
    void alternatingStrangersNeverRelatch() {
        latch.accept(NAT);
        InetSocketAddress other = new InetSocketAddress("127.0.0.1", 8888);
        for (int i = 0; i < 10; i++) {
            assertThat(latch.accept(i % 2 == 0 ? SPOOF : other)).isFalse();
        }
        assertThat(latch.destination()).isEqualTo(NAT);
    }

    @Test
    void resetForgetsTheLatch() {
        latch.accept(NAT);
        InetSocketAddress newPhone = new InetSocketAddress("127.0.0.1", 31000);

        latch.reset(newPhone);

        assertThat(latch.latched()).isNull();
        assertThat(latch.destination()).isEqualTo(newPhone);
        assertThat(latch.accept(SPOOF)).isTrue();
    }

    @Test
    void aPacketFromTheSdpAddressTakesTheLatchAtOnce() {
        latch.accept(NAT);

        assertThat(latch.accept(SDP)).isTrue();
        assertThat(latch.latched()).isEqualTo(SDP);
        assertThat(latch.relatches()).isEqualTo(1);
    }

    @Test
    void afterAMoveToAnotherPeerThePreviousOneMustReachTheThreshold() {
        latch.accept(NAT);
        InetSocketAddress colleague = new InetSocketAddress("127.0.0.1", 32000);

        latch.reset(colleague);

        assertThat(latch.accept(NAT)).as("the old peer still sending").isFalse();
        assertThat(latch.destination()).isEqualTo(colleague);
        assertThat(latch.accept(colleague)).isTrue();
        assertThat(latch.latched()).isEqualTo(colleague);
        assertThat(latch.accept(NAT)).isFalse();
    }

    @Test
    void theSamePeerReNegotiatingKeepsLatchingAtOnce() {
        latch.accept(NAT);

        latch.reset(SDP);

        assertThat(latch.accept(NAT)).as("hold or unhold from a peer behind NAT").isTrue();
        assertThat(latch.latched()).isEqualTo(NAT);
    }

    @Test
    void aPreviousPeerThatGoesOnLongEnoughIsFollowed() {
        latch.accept(NAT);
        latch.reset(new InetSocketAddress("127.0.0.1", 32000));

        assertThat(latch.accept(NAT)).isFalse();
        assertThat(latch.accept(NAT)).isFalse();
        assertThat(latch.accept(NAT)).isTrue();
        assertThat(latch.latched()).isEqualTo(NAT);
    }
}
