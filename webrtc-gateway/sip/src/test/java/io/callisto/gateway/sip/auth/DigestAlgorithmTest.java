package io.callisto.gateway.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.agent.AgentSettings;
import io.callisto.core.agent.SipDigests;
import org.junit.jupiter.api.Test;

/** The published worked examples, reproduced exactly through the client, and HA1 parity with the platform. */
class DigestAlgorithmTest {

    @Test
    void reproducesRfc2617Section35() {
        DigestClient client = new DigestClient(() -> "0a4f113b");
        String challenge = "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

        String authorization = client.authorize(challenge, "Mufasa", "Circle Of Life", "GET", "/dir/index.html");

        assertThat(authorization).isEqualTo("Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
                + "response=\"6629fae49393a05397450978507c4ef1\", algorithm=MD5, cnonce=\"0a4f113b\", "
                + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", qop=auth, nc=00000001");
    }

    @Test
    void reproducesRfc7616Section391ForBothAlgorithms() {
        DigestClient client = new DigestClient(() -> "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
        String challenge = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=%s, "
                + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
        String user = "Mufasa";
        String password = "Circle of Life";

        DigestParams sha256 = DigestParams.parse(client.authorize(challenge.formatted("SHA-256"), user, password, "GET",
                "/dir/index.html"));
        DigestParams md5 = DigestParams.parse(client.authorize(challenge.formatted("MD5"), user, password, "GET",
                "/dir/index.html"));

        assertThat(sha256.get("response")).contains("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        assertThat(sha256.get("algorithm")).contains("SHA-256");
        assertThat(sha256.get("opaque")).contains("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
        assertThat(md5.get("response")).contains("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void ha1MatchesThePlatformsSipDigests() {
        AgentSettings.SipDigest platform = SipDigests.of("1001", "tenant-7f3a", "s3cret!");

        Ha1 ours = Ha1.fromPassword("1001", "tenant-7f3a", "s3cret!");

        assertThat(ours).isEqualTo(new Ha1(platform.md5(), platform.sha256()));
        assertThat(ours.forAlgorithm(DigestAlgorithm.MD5)).contains(platform.md5());
        assertThat(ours.forAlgorithm(DigestAlgorithm.SHA_256_SESS)).contains(platform.sha256());
        assertThat(ours.forAlgorithm(DigestAlgorithm.SHA_512_256)).isEmpty();
        assertThat(new Ha1(platform.md5().toUpperCase(), platform.sha256()).md5()).isEqualTo(platform.md5());
    }

    @Test
    void knowsTheRfc8760AlgorithmsByName() {
        assertThat(DigestAlgorithm.fromToken("sha-512-256-SESS")).contains(DigestAlgorithm.SHA_512_256_SESS);
        assertThat(DigestAlgorithm.fromToken("SHA-1")).isEmpty();
        assertThat(DigestAlgorithm.SHA_512_256.hash("abc")).hasSize(64)
                .isEqualTo("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23");
        assertThat(DigestAlgorithm.MD5.hexLength()).isEqualTo(32);
    }
}
