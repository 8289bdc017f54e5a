package io.callisto.gateway.media.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One browser leg's media end to end against a browser-like client on loopback: ICE, the DTLS handshake with the
 * fingerprint of the offer, SRTP both ways; forged and replayed packets never reach the relay; a wrong fingerprint
 * or a browser that never connects fails the leg and frees it.
 */
class BrowserMediaTest {
    private final DtlsIdentity gatewayId = DtlsIdentity.generate();
    private final DtlsIdentity browserId = DtlsIdentity.generate();
    private IcePort port;

    @BeforeEach
    void start() throws Exception {
        port = IcePort.bind("127.0.0.1", IceSessionTest.freePort(), InetAddress::isLoopbackAddress);
    }

    @AfterEach
    void stop() {
        port.close();
    }

    /** Chrome's offer with the test client's ICE credentials, candidate and certificate fingerprint. */
    private static BrowserOffer offer(TestIceClient browser, String fingerprint) {
        String sdp = BrowserOfferTest.chromeOffer().replace("\r\n", "\n")
                .replace("a=ice-ufrag:umwb", "a=ice-ufrag:" + browser.ufrag)
                .replace("a=ice-pwd:aMdHlvgNw58wsa9z/G7t4SZh", "a=ice-pwd:" + browser.password)
                .replaceAll("a=fingerprint:[^\n]*", "a=fingerprint:" + fingerprint)
                .replace("a=rtcp-mux\n", "a=rtcp-mux\na=candidate:" + browser.candidate().toSdp() + "\n");
        return BrowserOffer.parse(sdp);
    }

    private DTLSTransport handshake(BrowserMedia media, TestIceClient browser, TestDtlsClient client) throws Exception {
        assertThat(browser.connect(media.iceUfrag(), media.icePassword(), media.candidates().getFirst(), 10_000))
                .as("the gateway answered the browser's check").isTrue();
        return new DTLSClientProtocol().connect(client, DtlsHandshake.transport(browser.link()));
    }

    @Test
    void srtpFlowsBothWaysAndForgedOrReplayedPacketsNeverReachTheRelay() throws Exception {
        try (TestIceClient browser = new TestIceClient();
             BrowserMedia media = BrowserMedia.start(port, gatewayId, offer(browser, browserId.fingerprint()))) {
            LinkedBlockingQueue<byte[]> relay = new LinkedBlockingQueue<>();
            media.deliverTo((packet, length) -> relay.add(Arrays.copyOf(packet, length)));
            CompletableFuture<InetSocketAddress> ready = media.connect(Duration.ofSeconds(10));
            TestDtlsClient client = new TestDtlsClient(browserId, SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80);
            handshake(media, browser, client);
            InetSocketAddress peer = ready.get(15, TimeUnit.SECONDS);
            assertThat(peer.getPort()).isEqualTo(browser.candidate().port());
            assertThat(media.profile()).isEqualTo(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
            SrtpSession browserSrtp = new SrtpSession(client.keys, false);

            byte[] rtp = DtlsSrtpTest.rtp(42, 1, 160);
            byte[] sent = browserSrtp.protectRtp(rtp, 0, rtp.length);
            browser.send(sent);
            assertThat(relay.poll(10, TimeUnit.SECONDS)).as("decrypted for the relay").isEqualTo(rtp);

            byte[] forged = browserSrtp.protectRtp(DtlsSrtpTest.rtp(42, 2, 160), 0, rtp.length);
            forged[forged.length - 1] ^= 0x55;
            browser.send(forged);
            browser.send(sent); // a replay
            byte[] next = DtlsSrtpTest.rtp(42, 3, 160);
            browser.send(browserSrtp.protectRtp(next, 0, next.length));
            assertThat(relay.poll(10, TimeUnit.SECONDS)).as("only the genuine next packet").isEqualTo(next);
            assertThat(relay).isEmpty();
            assertThat(media.authFailures()).isEqualTo(1);
            assertThat(media.replays()).isEqualTo(1);
            assertThat(media.packetsDecrypted()).isEqualTo(2);

            byte[] toBrowser = DtlsSrtpTest.rtp(7, 1, 160);
            assertThat(media.sendRtp(ByteBuffer.wrap(toBrowser), toBrowser.length)).isTrue();
            byte[] received = new byte[1500];
            int n = browser.link().receive(received, 0, received.length, 10_000);
            assertThat(n).isGreaterThan(toBrowser.length);
            SrtpSession check = new SrtpSession(client.keys, false);
            assertThat(check.unprotectRtp(received, 0, n)).isEqualTo(toBrowser);
            assertThat(media.packetsSent()).isEqualTo(1);
        }
    }

    @Test
    void aCertificateThatIsNotTheOffersFailsTheLegAndClosesIt() throws Exception {
        DtlsIdentity impostor = DtlsIdentity.generate();
        try (TestIceClient browser = new TestIceClient()) {
            BrowserMedia media = BrowserMedia.start(port, gatewayId, offer(browser, browserId.fingerprint()));
            CompletableFuture<InetSocketAddress> ready = media.connect(Duration.ofSeconds(10));
            TestDtlsClient client = new TestDtlsClient(impostor, SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80);
            assertThatThrownBy(() -> handshake(media, browser, client)).as("the gateway refuses the handshake");
            assertThatThrownBy(() -> ready.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DtlsException.class);
            assertThat(media.isClosed()).isTrue();
            assertThat(media.sendRtp(ByteBuffer.wrap(new byte[172]), 172)).isFalse();
        }
    }

    @Test
    void aBrowserThatNeverConnectsFailsTheLegInTime() throws Exception {
        try (TestIceClient browser = new TestIceClient()) {
            BrowserMedia media = BrowserMedia.start(port, gatewayId, offer(browser, browserId.fingerprint()));
            CompletableFuture<InetSocketAddress> ready = media.connect(Duration.ofSeconds(2));
            assertThatThrownBy(() -> ready.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IceFailedException.class);
            assertThat(media.isClosed()).isTrue();
        }
    }
}
