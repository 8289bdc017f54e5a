package io.callisto.gateway.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TCP limits on a real stack over loopback: silent connections are closed, talking ones are kept until they fall
 * silent, and one address cannot hold more than its share.
 */
class SipTcpLimitsTest {
    static final SipStackConfig.TcpLimits SHORT = new SipStackConfig.TcpLimits(5_000, 1_000, 3_000, 5);
    SipEndpoint endpoint;
    int port;

    @BeforeEach
    void start() throws Exception {
        port = SipEndpointTest.freePort();
        endpoint = SipEndpoint.start(SipStackConfig.of("limits-" + port, "127.0.0.1", port).withTcpLimits(SHORT),
                r -> r.respond(SipResponse.of(200, "OK")));
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /**
     * Blocks until the gateway closes the connection (true) or 10 s pass with it open (false). Bytes before the end
     * (a TLS alert) are skipped.
     */
    private static boolean closedByPeer(Socket socket) throws IOException {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                continue;
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private String options(Socket socket, String callId) throws IOException {
        String request = SipEndpointTest.options(port, callId, socket.getLocalPort()).replace("SIP/2.0/UDP", "SIP/2.0/TCP");
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        int read = in.read(buffer);
        return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheFirstByteTimeout() throws Exception {
        try (Socket silent = connect()) {
            long started = System.nanoTime();
            assertThat(closedByPeer(silent)).as("closed by the gateway").isTrue();
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms until closed").isGreaterThanOrEqualTo(900);
        }
    }

    @Test
    void aConnectionInUseOutlivesTheFirstByteTimeoutAndIsClosedWhenIdle() throws Exception {
        try (Socket talking = connect()) {
            assertThat(options(talking, "t1")).startsWith("SIP/2.0 200 OK");
            Thread.sleep(1_500); // past the first-byte timeout, within the idle one
            assertThat(options(talking, "t2")).as("the same connection still serves").startsWith("SIP/2.0 200 OK");
            long lastHeard = System.nanoTime();
            assertThat(closedByPeer(talking)).as("closed after idling").isTrue();
            assertThat((System.nanoTime() - lastHeard) / 1_000_000).as("ms idle until closed").isGreaterThanOrEqualTo(2_500);
        }
    }

    @Test
    void oneAddressCannotHoldMoreThanItsShare() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int n = 0; n < SHORT.perAddress(); n++) {
                Socket s = connect();
                assertThat(options(s, "held" + n)).startsWith("SIP/2.0 200 OK");
                held.add(s);
            }
            try (Socket extra = connect()) {
                assertThat(closedByPeer(extra)).as("a connection beyond the share is closed").isTrue();
            }
            held.removeFirst().close();
            Thread.sleep(200);
            try (Socket again = connect()) {
                assertThat(options(again, "again")).as("a freed share is usable").startsWith("SIP/2.0 200 OK");
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aTlsConnectionThatNeverHandshakesIsClosed() throws Exception {
        Path dir = Files.createTempDirectory("sip-tls-limits-");
        int plain = SipEndpointTest.freePort();
        int tlsPort = SipEndpointTest.freePort();
        SipStackConfig config = SipStackConfig.of("tls-limits-" + plain, "127.0.0.1", plain).withTcpLimits(SHORT)
                .withTls(new SipStackConfig.Tls(tlsPort, SipTlsTest.keystore(dir), "changeit"));
        try (SipEndpoint tls = SipEndpoint.start(config, r -> r.respond(SipResponse.of(200, "OK")));
             Socket silent = new Socket()) {
            silent.connect(new InetSocketAddress("127.0.0.1", tlsPort), 5_000);
            silent.setSoTimeout(10_000);
            long started = System.nanoTime();
            assertThat(closedByPeer(silent)).as("closed by the gateway").isTrue();
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms until closed").isGreaterThanOrEqualTo(900);
            assertThat(tls.port()).isEqualTo(plain);
        }
    }

    /** The stack hands on a message whose body stopped short when its read timeout ends it; it must not be served. */
    @Test
    void aMessageCutShortOfItsContentLengthIsNeverServed() throws Exception {
        try (Socket socket = connect()) {
            String request = SipEndpointTest.optionsWithBody(port, "short", socket.getLocalPort(), "text/plain", "0123456789")
                    .replace("SIP/2.0/UDP", "SIP/2.0/TCP").replace("Content-Length: 10", "Content-Length: 500");
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.setSoTimeout(15_000);
            byte[] buffer = new byte[4096];
            int read;
            StringBuilder answers = new StringBuilder();
            try {
                while ((read = socket.getInputStream().read(buffer)) > 0) {
                    answers.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // reset by the gateway: nothing more to read
            }
            assertThat(answers.toString()).as("answers to a cut-short message").doesNotContain("SIP/2.0 200");
        }
    }
}
