package io.callisto.gateway.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stack adapter on loopback with real datagrams: requests reach the handler, answers reach the peer. */
class SipEndpointTest {
    final List<IncomingRequest> seen = new CopyOnWriteArrayList<>();
    SipEndpoint endpoint;
    int port;

    static int freePort() {
        return io.callisto.core.testing.TestPorts.free();
    }

    @BeforeEach
    void start() throws Exception {
        port = freePort();
        endpoint = SipEndpoint.start(SipStackConfig.of("test-" + port, "127.0.0.1", port), request -> {
            seen.add(request);
            if (!"ACK".equals(request.method())) {
                request.respond(SipResponse.of(200, "OK").withHeader("X-Seen", request.method()));
            }
        });
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    /**
     * Closing straight after starting used to race the UDP receiver's start-up (a ConcurrentModificationException
     * out of the stack's stop, with its receive threads left running).
     */
    @Test
    void anEndpointClosedStraightAfterItStartsStopsCleanlyWithNoReceiveThreadsLeft() throws Exception {
        for (int attempt = 0; attempt < 4; attempt++) {
            int other = freePort();
            String name = "quick-" + other;
            SipEndpoint.start(SipStackConfig.of(name, "127.0.0.1", other), request -> { }).close();
            long deadline = System.currentTimeMillis() + 5_000;
            while (receiveThreads(name) > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(receiveThreads(name)).as("receive threads of " + name + " still alive").isZero();
        }
    }

    /**
     * The TCP side's port taken by another program: the start fails naming the address (it used to fail with a
     * NullPointerException out of the stack's stop, which hid the cause), and nothing of the stack stays behind: its
     * UDP socket is released and its receive threads end.
     */
    @Test
    void aTakenTcpPortFailsTheStartWithTheBindErrorAndReleasesTheUdpSide() throws Exception {
        int taken = freePort();
        String name = "taken-" + taken;
        try (ServerSocket other = new ServerSocket(taken, 1, InetAddress.getLoopbackAddress())) {
            assertThat(other.isBound()).isTrue();
            assertThatThrownBy(() -> SipEndpoint.start(SipStackConfig.of(name, "127.0.0.1", taken), request -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen for SIP (TCP) on 127.0.0.1:" + taken)
                    .satisfies(e -> assertThat(e.getSuppressed()).as("the stop's own failures").isEmpty());
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (receiveThreads(name) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(receiveThreads(name)).as("receive threads of " + name + " still alive").isZero();
        try (DatagramSocket udp = new DatagramSocket(taken, InetAddress.getLoopbackAddress())) {
            assertThat(udp.getLocalPort()).as("the UDP port is free again").isEqualTo(taken);
        }
    }

    private static long receiveThreads(String stackName) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(stackName + "-UDPMessageChannelThread")).count();
    }

    static String options(int port, String callId, int localPort) {
        return "OPTIONS sip:probe@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:tester@127.0.0.1>;tag=t" + callId + "\r\n"
                + "To: <sip:probe@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static String exchange(DatagramSocket socket, int port, String message) throws Exception {
        byte[] out = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(out, out.length, InetAddress.getLoopbackAddress(), port));
        byte[] in = new byte[8192];
        DatagramPacket packet = new DatagramPacket(in, in.length);
        socket.receive(packet);
        return new String(in, 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void aRequestReachesTheHandlerWithItsFieldsAndTheAnswerReachesThePeer() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            String answer = exchange(socket, port, options(port, "c1", socket.getLocalPort()));
            assertThat(answer).startsWith("SIP/2.0 200 OK").contains("X-Seen: OPTIONS");
            IncomingRequest r = seen.getFirst();
            assertThat(r.method()).isEqualTo("OPTIONS");
            assertThat(r.requestUri()).isEqualTo(new SipUri("probe", "127.0.0.1", port, null));
            assertThat(r.fromUri().user()).isEqualTo("tester");
            assertThat(r.fromTag()).isEqualTo("tc1");
            assertThat(r.callId()).isEqualTo("c1@127.0.0.1");
            assertThat(r.source().getPort()).isEqualTo(socket.getLocalPort());
            assertThat(r.transport()).isEqualTo("udp");
            assertThat(r.header("Max-Forwards")).contains("70");
        }
    }

    @Test
    void garbageAndHugeDatagramsAreDroppedAndTheEndpointKeepsServing() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(2_000);
            for (String junk : List.of("", "\0\0\0", "INVITE", "OPTIONS sip:x SIP/2.0\r\n\r\n", "SIP/2.0 200 OK\r\n\r\n",
                    "GET / HTTP/1.1\r\nHost: x\r\n\r\n", options(port, "c2", 1).replace("CSeq: 1", "CSeq: x"),
                    options(port, "c3", 1).replace("Via:", "Via-Broken"), "X".repeat(60_000))) {
                byte[] out = junk.getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(out, out.length, InetAddress.getLoopbackAddress(), port));
            }
            byte[] in = new byte[8192];
            try {
                while (true) {
                    DatagramPacket p = new DatagramPacket(in, in.length);
                    socket.receive(p);
                    assertThat(new String(in, 0, p.getLength(), StandardCharsets.UTF_8)).doesNotStartWith("SIP/2.0 200");
                }
            } catch (SocketTimeoutException drained) {
                assertThat(seen).isEmpty();
            }
            socket.setSoTimeout(10_000);
            assertThat(exchange(socket, port, options(port, "c4", socket.getLocalPort()))).startsWith("SIP/2.0 200 OK");
        }
    }

    @Test
    void sipsakGetsAnAnswerOverUdp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/sipsak")), "sipsak is installed");
        Process p = new ProcessBuilder("/usr/bin/sipsak", "-s", "sip:probe@127.0.0.1:" + port, "-l", Integer.toString(
                freePort()), "-H", "127.0.0.1").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(seen).extracting(IncomingRequest::method).contains("OPTIONS");
    }

    static String optionsWithBody(int port, String callId, int localPort, String type, String body) {
        return options(port, callId, localPort).replace("Content-Length: 0\r\n\r\n", "Content-Type: " + type
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    }

    @Test
    void aTextBodyWithANulByteIsRefusedAndABinaryOneIsNot() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            String text = exchange(socket, port, optionsWithBody(port, "nul1", socket.getLocalPort(), "text/plain",
                    "abc\0def"));
            assertThat(text).startsWith("SIP/2.0 400");
            String binary = exchange(socket, port, optionsWithBody(port, "nul2", socket.getLocalPort(),
                    "application/octet-stream", "abc\0def"));
            assertThat(binary).startsWith("SIP/2.0 200");
            assertThat(seen).extracting(IncomingRequest::callId).containsExactly("nul2@127.0.0.1");
        }
    }
}
