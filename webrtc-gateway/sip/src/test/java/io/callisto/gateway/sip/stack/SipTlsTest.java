package io.callisto.gateway.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** SIP over TLS when a certificate is configured: a TLS client on loopback gets its OPTIONS answered. */
class SipTlsTest {
    static Path keystore(Path dir) throws Exception {
        Path file = dir.resolve("sip.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sip", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        return file;
    }

    static SSLContext trustingEverything() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // test client: no client certificates
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // the test's own self-signed certificate
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }

    @Test
    void optionsOverTlsIsAnswered() throws Exception {
        Path dir = Files.createTempDirectory("sip-tls-");
        int port = SipEndpointTest.freePort();
        int tlsPort = SipEndpointTest.freePort();
        SipStackConfig config = SipStackConfig.of("tls-" + port, "127.0.0.1", port)
                .withTls(new SipStackConfig.Tls(tlsPort, keystore(dir), "changeit"));
        try (SipEndpoint endpoint = SipEndpoint.start(config, r -> r.respond(SipResponse.of(200, "OK")));
             SSLSocket socket = (SSLSocket) trustingEverything().getSocketFactory().createSocket("127.0.0.1", tlsPort)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            String options = SipEndpointTest.options(tlsPort, "tls1", socket.getLocalPort()).replace("SIP/2.0/UDP",
                    "SIP/2.0/TLS");
            OutputStream out = socket.getOutputStream();
            out.write(options.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int read = in.read(buffer);
            assertThat(new String(buffer, 0, read, StandardCharsets.UTF_8)).startsWith("SIP/2.0 200 OK");
            assertThat(endpoint.port()).isEqualTo(port);
        }
    }

    /** A taken TLS port: the error names TLS and that port, and the UDP and TCP sides bound before it are released. */
    @Test
    void aTakenTlsPortFailsTheStartNamingItAndReleasesThePlainSides() throws Exception {
        Path dir = Files.createTempDirectory("sip-tls-");
        int port = SipEndpointTest.freePort();
        int tlsPort = SipEndpointTest.freePort();
        SipStackConfig config = SipStackConfig.of("tls-taken-" + port, "127.0.0.1", port)
                .withTls(new SipStackConfig.Tls(tlsPort, keystore(dir), "changeit"));
        try (ServerSocket other = new ServerSocket(tlsPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(other.isBound()).isTrue();
            assertThatThrownBy(() -> SipEndpoint.start(config, r -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen for SIP (TLS) on 127.0.0.1:" + tlsPort)
                    .satisfies(e -> assertThat(e.getSuppressed()).as("the stop's own failures").isEmpty());
        }
        try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
             DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            assertThat(tcp.getLocalPort()).as("the TCP port is free again").isEqualTo(port);
            assertThat(udp.getLocalPort()).as("the UDP port is free again").isEqualTo(port);
        }
    }
}
