package io.callisto.gateway.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpPortPoolTest {

    private static final int BASE = 25100;

    @Test
    void parsesTheEnvironmentFormat() {
        PortRange range = PortRange.parse(" 20000-40000 ");

        assertThat(range.first()).isEqualTo(20000);
        assertThat(range.last()).isEqualTo(40000);
        assertThat(range.pairs()).isEqualTo(10000);
        assertThat(range.rtpPort(0)).isEqualTo(20000);
        assertThat(PortRange.parse("20001-20004").pairs()).as("20002/3 only").isEqualTo(1);
        assertThatThrownBy(() -> PortRange.parse("20000")).hasMessageContaining("20000-40000");
        assertThatThrownBy(() -> PortRange.parse("a-b")).hasMessageContaining("20000-40000");
        assertThatThrownBy(() -> PortRange.parse("40000-20000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortRange(20001, 20001)).hasMessageContaining("no even port");
    }

    @Test
    void allocatesEvenRtpPortsWithRtcpAboveAndBindsBoth() throws IOException {
        RtpPortPool pool = new RtpPortPool(UdpPeer.LOOPBACK, new PortRange(BASE, BASE + 19));
        try (PortPair pair = pool.allocate()) {
            assertThat(pair.rtpPort() % 2).isZero();
            assertThat(pair.rtcpPort()).isEqualTo(pair.rtpPort() + 1);
            assertThat(((InetSocketAddress) pair.rtp().getLocalAddress()).getPort()).isEqualTo(pair.rtpPort());
            assertThat(((InetSocketAddress) pair.rtcp().getLocalAddress()).getPort()).isEqualTo(pair.rtcpPort());
            assertThat(pair.rtp().isBlocking()).isFalse();
            assertThat(pool.used()).isEqualTo(1);
            assertThat(pool.free()).isEqualTo(9);
        }
        assertThat(pool.used()).isZero();
        assertThat(pool.free()).isEqualTo(10);
    }

    @Test
    void skipsPortsHeldByOthers() throws IOException {
        int port = BASE + 40;
        RtpPortPool pool = new RtpPortPool(UdpPeer.LOOPBACK, new PortRange(port, port + 5));
        try (DatagramChannel squatter = DatagramChannel.open()) {
            squatter.bind(new InetSocketAddress(UdpPeer.LOOPBACK, port + 1)); // the RTCP port of the first pair
            try (PortPair pair = pool.allocate()) {
                assertThat(pair.rtpPort()).isGreaterThan(port);
            }
        }
    }

    @Test
    void exhaustionIsATypedErrorAndClosingGivesPortsBack() {
        RtpPortPool pool = new RtpPortPool(UdpPeer.LOOPBACK, new PortRange(BASE + 60, BASE + 67));
        List<PortPair> pairs = new ArrayList<>();
        try {
            assertThatThrownBy(() -> {
                while (true) {
                    pairs.add(pool.allocate());
                }
            }).isInstanceOf(RtpPortsExhaustedException.class)
                    .hasMessageContaining("no free RTP port pair in " + (BASE + 60) + "-" + (BASE + 67));
            assertThat(pairs).isNotEmpty().hasSizeLessThanOrEqualTo(4);
            assertThat(pool.used()).isEqualTo(pairs.size());

            PortPair first = pairs.removeFirst();
            first.close();
            first.close(); // twice is harmless
            assertThat(pool.used()).isEqualTo(pairs.size());
            PortPair again = pool.allocate();
            pairs.add(again);
            assertThat(again.rtpPort()).isEqualTo(first.rtpPort());
        } finally {
            pairs.forEach(PortPair::close);
        }
        assertThat(pool.used()).isZero();
    }

    @Test
    void rotatesSoAReleasedPairIsNotReusedAtOnce() {
        RtpPortPool pool = new RtpPortPool(UdpPeer.LOOPBACK, new PortRange(BASE + 80, BASE + 99));
        PortPair first = pool.allocate();
        int firstPort = first.rtpPort();
        first.close();
        try (PortPair second = pool.allocate()) {
            assertThat(second.rtpPort()).isNotEqualTo(firstPort);
        }
    }
}
