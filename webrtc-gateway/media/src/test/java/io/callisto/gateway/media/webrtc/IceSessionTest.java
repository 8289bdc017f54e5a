package io.callisto.gateway.media.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's ICE answering a browser-like client (controlling, nominating at once, as Chrome does) on loopback,
 * then DTLS-SRTP over the selected pair, and SRTP from the "browser" reaching the gateway's media handler.
 */
class IceSessionTest {
    IcePort gatewayPort;

    static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @BeforeEach
    void start() throws Exception {
        gatewayPort = IcePort.bind("127.0.0.1", freePort(), InetAddress::isLoopbackAddress);
    }

    @AfterEach
    void stop() {
        gatewayPort.close();
    }

    @Test
    void iceConnectsThenDtlsSrtpRunsOverTheSelectedPair() throws Exception {
        connectAndExchangeSrtp(gatewayPort);
    }

    /** As the gateway runs: the relay's loop reads the port, and the leg's packets are handled on that thread. */
    @Test
    void theSameOnceTheRelaysLoopReadsThePort() throws Exception {
        try (io.callisto.gateway.media.rtp.RelayEngine relay = new io.callisto.gateway.media.rtp.RelayEngine(
                io.callisto.gateway.media.rtp.RelayConfig.of(InetAddress.getLoopbackAddress(),
                        new io.callisto.gateway.media.rtp.PortRange(29400, 29409)))) {
            gatewayPort.readOn(relay);
            List<String> threads = connectAndExchangeSrtp(gatewayPort);
            assertThat(threads).as("where the SRTP was handed over").containsOnly("rtp-relay-0");
        }
    }

    /** Connects a test browser through the port, runs DTLS, sends SRTP both ways; the threads that took the SRTP. */
    private static List<String> connectAndExchangeSrtp(IcePort gatewayPort) throws Exception {
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TestIceClient browser = new TestIceClient()) {
            List<IceCandidate> offered = new ArrayList<>(List.of(browser.candidate()));
            offered.add(new IceCandidate("9", 1, "udp", 100, "203.0.113.7", 5000, "host"));
            offered.add(new IceCandidate("8", 1, "udp", 100, "abcd.local", 5000, "host"));
            try (IceSession gateway = IceSession.answer(gatewayPort, browser.ufrag, browser.password, offered)) {
                assertThat(gateway.refusedCandidates()).as("outside the allowed networks, and mDNS").isEqualTo(2);
                IceCandidate local = gateway.localCandidates().getFirst();
                assertThat(gateway.localCandidates()).hasSize(1);
                assertThat(local.address()).isEqualTo("127.0.0.1");
                assertThat(local.port()).isEqualTo(gatewayPort.port());
                LinkedBlockingQueue<byte[]> media = new LinkedBlockingQueue<>();
                gateway.onMedia(packet -> {
                    threads.add(Thread.currentThread().getName());
                    media.add(packet);
                });
                assertThat(browser.connect(gateway.localUfrag(), gateway.localPassword(), local, 10_000))
                        .as("the gateway answered the browser's check").isTrue();
                assertThat(gateway.awaitConnected(Duration.ofSeconds(15))).as("gateway ICE " + gateway.state()).isTrue();

                DtlsIdentity gatewayId = DtlsIdentity.generate();
                DtlsIdentity browserId = DtlsIdentity.generate();
                CompletableFuture<DtlsHandshake.Established> accepted = CompletableFuture.supplyAsync(() -> {
                    try {
                        return DtlsHandshake.accept(gatewayId, browserId.fingerprint(), gateway.dtls(),
                                Duration.ofSeconds(10));
                    } catch (DtlsException e) {
                        throw new IllegalStateException(e);
                    }
                });
                TestDtlsClient client = new TestDtlsClient(browserId, SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80);
                new DTLSClientProtocol().connect(client, DtlsHandshake.transport(browser.link()));
                SrtpKeys keys = accepted.get(15, TimeUnit.SECONDS).keys();
                assertThat(keys).isEqualTo(client.keys);

                SrtpSession browserSrtp = new SrtpSession(client.keys, false);
                SrtpSession gatewaySrtp = new SrtpSession(keys, true);
                byte[] rtp = DtlsSrtpTest.rtp(42, 1, 160);
                browser.send(browserSrtp.protectRtp(rtp, 0, rtp.length));
                byte[] received = media.poll(10, TimeUnit.SECONDS);
                assertThat(received).as("SRTP reached the media handler").isNotNull();
                assertThat(gatewaySrtp.unprotectRtp(received, 0, received.length)).isEqualTo(rtp);
                byte[] back = gatewaySrtp.protectRtp(DtlsSrtpTest.rtp(7, 1, 160), 0, 172);
                gateway.send(back, 0, back.length);
                byte[] arrived = browser.receive(10_000);
                assertThat(arrived).as("SRTP from the gateway reached the browser").isNotNull();
                assertThat(browserSrtp.unprotectRtp(arrived, 0, arrived.length)).isEqualTo(DtlsSrtpTest.rtp(7, 1, 160));
            }
        }
        return threads;
    }

    @Test
    void withOnlyCandidatesOutsideTheAllowedNetworksNothingConnects() throws Exception {
        try (TestIceClient browser = new TestIceClient();
             IceSession gateway = IceSession.answer(gatewayPort, browser.ufrag, browser.password,
                     List.of(new IceCandidate("1", 1, "udp", 2130706431L, "198.51.100.9", 40000, "host"),
                             new IceCandidate("2", 1, "tcp", 2130706431L, "127.0.0.1", 9, "host")))) {
            assertThat(gateway.refusedCandidates()).isEqualTo(2);
            assertThat(gateway.awaitConnected(Duration.ofSeconds(3))).isFalse();
        }
    }

    /**
     * The browser offers an allowed candidate but sends its checks from an address outside the allowed networks (as
     * Chromium on loopback may send from the machine's LAN address): they are dropped unanswered, so the gateway
     * neither learns that address as a peer-reflexive candidate nor sends anything there.
     */
    @Test
    void checksFromOutsideTheAllowedNetworksAreDroppedUnansweredEvenWithTheRightCredentials() throws Exception {
        try (IcePort strict = IcePort.bind("127.0.0.1", freePort(), a -> a.getHostAddress().equals("127.0.0.1"));
             TestIceClient elsewhere = new TestIceClient(InetAddress.getByName("127.0.0.2"));
             IceSession gateway = IceSession.answer(strict, elsewhere.ufrag, elsewhere.password,
                     List.of(new IceCandidate("1", 1, "udp", 2130706431L, "127.0.0.1", 9, "host")))) {
            IceCandidate local = gateway.localCandidates().getFirst();
            assertThat(elsewhere.connect(gateway.localUfrag(), gateway.localPassword(), local, 2_000))
                    .as("a check from 127.0.0.2 was answered").isFalse();
            assertThat(strict.refusedChecks()).isPositive();
            assertThat(gateway.isConnected()).isFalse();
            assertThat(gateway.remoteAddress()).isEmpty();
        }
    }

    @Test
    void aCheckWithTheWrongPasswordIsNotAnswered() throws Exception {
        try (TestIceClient browser = new TestIceClient();
             IceSession gateway = IceSession.answer(gatewayPort, browser.ufrag, browser.password,
                     List.of(browser.candidate()))) {
            IceCandidate local = gateway.localCandidates().getFirst();
            assertThat(browser.connect(gateway.localUfrag(), "not-the-password-at-all", local, 2_000)).isFalse();
            assertThat(gateway.isConnected()).isFalse();
        }
    }

    @Test
    void candidateLinesAreParsedAndWritten() {
        IceCandidate c = IceCandidate.parse("candidate:842163049 1 udp 1677729535 10.77.0.2 46154 typ host "
                + "generation 0 ufrag abc network-cost 999").orElseThrow();
        assertThat(c).isEqualTo(new IceCandidate("842163049", 1, "udp", 1677729535L, "10.77.0.2", 46154, "host"));
        assertThat(c.toSdp()).isEqualTo("842163049 1 UDP 1677729535 10.77.0.2 46154 typ host");
        assertThat(IceCandidate.parse("1 1 udp 99 10.0.0.1 70000 typ host")).isEmpty();
        assertThat(IceCandidate.parse("1 1 udp x 10.0.0.1 7 typ host")).isEmpty();
        assertThat(IceCandidate.parse("1 1 udp 99 10.0.0.1 7 type host")).isEmpty();
        assertThat(IceCandidate.parse("garbage")).isEmpty();
        assertThat(IceCandidate.parse(null)).isEmpty();
    }
}
