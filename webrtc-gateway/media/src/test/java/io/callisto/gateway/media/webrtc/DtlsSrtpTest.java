package io.callisto.gateway.media.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.junit.jupiter.api.Test;

/** The gateway's DTLS-SRTP server against a browser-like BouncyCastle client over loopback UDP. */
class DtlsSrtpTest {
    static final DtlsIdentity GATEWAY = DtlsIdentity.generate();
    static final DtlsIdentity BROWSER = DtlsIdentity.generate();

    /** Both sides' outcome: the gateway's handshake (or its failure) and the client's keys (or its failure). */
    record Outcome(CompletableFuture<DtlsHandshake.Established> gateway, CompletableFuture<TestDtlsClient> client) {
    }

    static Outcome handshake(String expectedFingerprint, DtlsIdentity browser, int... profiles) throws Exception {
        UdpLink[] links = UdpLink.pair();
        CompletableFuture<DtlsHandshake.Established> gateway = new CompletableFuture<>();
        CompletableFuture<TestDtlsClient> client = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                gateway.complete(DtlsHandshake.accept(GATEWAY, expectedFingerprint, links[0], Duration.ofSeconds(10)));
            } catch (DtlsException e) {
                gateway.completeExceptionally(e);
            } finally {
                links[0].close();
            }
        });
        Thread.ofVirtual().start(() -> {
            TestDtlsClient c = new TestDtlsClient(browser, profiles);
            try {
                new DTLSClientProtocol().connect(c, DtlsHandshake.transport(links[1]));
                client.complete(c);
            } catch (java.io.IOException | RuntimeException e) {
                client.completeExceptionally(e);
            } finally {
                links[1].close();
            }
        });
        return new Outcome(gateway, client);
    }

    static byte[] rtp(int ssrc, int seq, int payloadBytes) {
        byte[] p = new byte[12 + payloadBytes];
        p[0] = (byte) 0x80;
        p[1] = 0;
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        p[8] = (byte) (ssrc >> 24);
        p[9] = (byte) (ssrc >> 16);
        p[10] = (byte) (ssrc >> 8);
        p[11] = (byte) ssrc;
        for (int i = 12; i < p.length; i++) {
            p[i] = (byte) (i * 7);
        }
        return p;
    }

    static byte[] rtcpReceiverReport(int ssrc) {
        byte[] p = new byte[8];
        p[0] = (byte) 0x80;
        p[1] = (byte) 201;
        p[3] = 1;
        p[4] = (byte) (ssrc >> 24);
        p[5] = (byte) (ssrc >> 16);
        p[6] = (byte) (ssrc >> 8);
        p[7] = (byte) ssrc;
        return p;
    }

    @Test
    void bothSidesExportTheSameKeysAndSrtpAndSrtcpGoBothWays() throws Exception {
        Outcome o = handshake(BROWSER.fingerprint(), BROWSER, SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80,
                SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM);
        SrtpKeys gatewayKeys = o.gateway().get(20, TimeUnit.SECONDS).keys();
        TestDtlsClient client = o.client().get(20, TimeUnit.SECONDS);
        assertThat(gatewayKeys).isEqualTo(client.keys);
        assertThat(gatewayKeys.profile()).as("the browser's first choice").isEqualTo(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        assertThat(client.serverFingerprint).as("what the gateway's SDP announces").isEqualTo(GATEWAY.fingerprint());
        roundTrips(new SrtpSession(gatewayKeys, true), new SrtpSession(client.keys, false));
    }

    @Test
    void aeadAes128GcmIsUsedWhenTheBrowserPrefersIt() throws Exception {
        Outcome o = handshake(BROWSER.fingerprint(), BROWSER, SRTPProtectionProfile.SRTP_AEAD_AES_256_GCM,
                SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM, SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80);
        SrtpKeys keys = o.gateway().get(20, TimeUnit.SECONDS).keys();
        assertThat(keys.profile()).as("the first of the browser's list the gateway supports")
                .isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
        roundTrips(new SrtpSession(keys, true), new SrtpSession(o.client().get(20, TimeUnit.SECONDS).keys, false));
    }

    static void roundTrips(SrtpSession gateway, SrtpSession browser) {
        byte[] fromBrowser = rtp(0x1234, 1, 160);
        byte[] sent = browser.protectRtp(fromBrowser, 0, fromBrowser.length);
        assertThat(sent).hasSize(fromBrowser.length + browser.profile().tagLength());
        assertThat(Arrays.copyOfRange(sent, 12, 172)).as("encrypted").isNotEqualTo(Arrays.copyOfRange(fromBrowser, 12, 172));
        assertThat(gateway.unprotectRtp(sent, 0, sent.length)).isEqualTo(fromBrowser);
        byte[] toBrowser = rtp(0x5678, 9, 160);
        byte[] back = gateway.protectRtp(toBrowser, 0, toBrowser.length);
        assertThat(browser.unprotectRtp(back, 0, back.length)).isEqualTo(toBrowser);
        byte[] report = rtcpReceiverReport(0x1234);
        byte[] protectedReport = browser.protectRtcp(report, 0, report.length);
        assertThat(gateway.unprotectRtcp(protectedReport, 0, protectedReport.length)).isEqualTo(report);
        assertThat(gateway.unprotected()).isEqualTo(2);
        assertThat(gateway.authFailures()).isZero();
    }

    @Test
    void packetsWithABadTagOrReplayedAreDroppedAndCounted() throws Exception {
        Outcome o = handshake(BROWSER.fingerprint(), BROWSER, SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80);
        SrtpSession gateway = new SrtpSession(o.gateway().get(20, TimeUnit.SECONDS).keys(), true);
        SrtpSession browser = new SrtpSession(o.client().get(20, TimeUnit.SECONDS).keys, false);
        byte[] first = browser.protectRtp(rtp(7, 100, 160), 0, 172);
        byte[] tampered = first.clone();
        tampered[tampered.length - 1] ^= 0x01;
        assertThat(gateway.unprotectRtp(tampered, 0, tampered.length)).as("bad tag").isNull();
        assertThat(gateway.unprotectRtp(first, 0, first.length)).isNotNull();
        assertThat(gateway.unprotectRtp(first, 0, first.length)).as("replayed").isNull();
        assertThat(gateway.unprotectRtp(new byte[] {(byte) 0x80, 0, 0, 1}, 0, 4)).as("truncated").isNull();
        byte[] garbage = new byte[200];
        garbage[0] = (byte) 0x80;
        assertThat(gateway.unprotectRtp(garbage, 0, garbage.length)).as("not ours").isNull();
        assertThat(gateway.authFailures()).isEqualTo(3);
        assertThat(gateway.replays()).isEqualTo(1);
        assertThat(gateway.unprotected()).isEqualTo(1);
    }

    @Test
    void aCertificateThatDoesNotMatchTheSdpFingerprintIsRefused() throws Exception {
        DtlsIdentity impostor = DtlsIdentity.generate();
        Outcome o = handshake(BROWSER.fingerprint(), impostor, SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80);
        assertThatThrownBy(() -> o.gateway().get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(DtlsException.class)
                .hasMessageContaining("fingerprint");
        assertThatThrownBy(() -> o.client().get(20, TimeUnit.SECONDS)).as("the browser is told").hasCauseInstanceOf(
                java.io.IOException.class);
    }

    @Test
    void noSrtpProfileInCommonIsRefused() throws Exception {
        Outcome o = handshake(BROWSER.fingerprint(), BROWSER, SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32);
        assertThatThrownBy(() -> o.gateway().get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(DtlsException.class)
                .hasMessageContaining("SRTP profile");
    }

    @Test
    void aBrowserThatNeverHandshakesTimesOut() throws Exception {
        try (UdpLink silent = new UdpLink()) {
            silent.peer = new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 9);
            long started = System.nanoTime();
            assertThatThrownBy(() -> DtlsHandshake.accept(GATEWAY, BROWSER.fingerprint(), silent, Duration.ofSeconds(1)))
                    .isInstanceOf(DtlsException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void fingerprintsAreComparedWhateverTheirCaseAndRefusedWhenMalformed() {
        byte[] der = DtlsIdentity.encoded(BROWSER.certificate());
        assertThat(Fingerprints.matches(BROWSER.fingerprint(), der)).isTrue();
        assertThat(Fingerprints.matches(BROWSER.fingerprint().toLowerCase(java.util.Locale.ROOT), der)).isTrue();
        assertThat(Fingerprints.matches("SHA-256 " + BROWSER.fingerprint().substring(8), der)).isTrue();
        assertThat(Fingerprints.matches(GATEWAY.fingerprint(), der)).isFalse();
        assertThat(Fingerprints.matches("md5 00:11", der)).isFalse();
        assertThat(Fingerprints.matches("sha-256 zz:11", der)).isFalse();
        assertThat(Fingerprints.matches("sha-256", der)).isFalse();
        assertThat(Fingerprints.matches(null, der)).isFalse();
        assertThat(BROWSER.fingerprint()).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }
}
