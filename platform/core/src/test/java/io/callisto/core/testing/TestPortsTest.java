package io.callisto.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestPortsTest {
    @Test
    void handsOutDistinctPortsBelowTheEphemeralAndRtpRangesThatBothTransportsCanBind() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(TestPorts.free());
        }
        assertThat(ports).hasSize(50).allSatisfy(port -> assertThat(port).isBetween(10_000, 11_999));
        int port = ports.iterator().next();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket tcp = new ServerSocket(port, 1, loopback); DatagramSocket udp = new DatagramSocket(port, loopback)) {
            assertThat(tcp.getLocalPort()).isEqualTo(port);
            assertThat(udp.getLocalPort()).isEqualTo(port);
        }
    }
}
