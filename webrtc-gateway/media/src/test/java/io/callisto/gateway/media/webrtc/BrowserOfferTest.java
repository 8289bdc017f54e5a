package io.callisto.gateway.media.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Chromium 156's real audio offer, the answer to it, and offers the gateway must refuse. */
class BrowserOfferTest {
    static String chromeOffer() {
        try (InputStream in = BrowserOfferTest.class.getResourceAsStream("/webrtc/chrome-156-audio-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsWhatTheGatewayNeedsFromChromesOffer() {
        BrowserOffer offer = BrowserOffer.parse(chromeOffer());
        assertThat(offer.audioMid()).isEqualTo("0");
        assertThat(offer.iceUfrag()).isEqualTo("umwb");
        assertThat(offer.icePassword()).isEqualTo("aMdHlvgNw58wsa9z/G7t4SZh");
        assertThat(offer.fingerprint()).startsWith("sha-256 4D:BA:06");
        assertThat(offer.setup()).isEqualTo("actpass");
        assertThat(offer.payloadTypeOf("PCMU")).contains(0);
        assertThat(offer.payloadTypeOf("pcma")).contains(8);
        assertThat(offer.payloadTypeOf("G729")).isEmpty();
        assertThat(offer.telephoneEvent()).as("the 8 kHz one, not 48 kHz").isEqualTo(126);
        assertThat(offer.candidates()).as("Chrome trickles them").isEmpty();
        assertThat(offer.sections()).hasSize(1);
    }

    @Test
    void candidatesInTheOfferAreRead() {
        String withCandidates = chromeOffer().replace("a=rtcp-mux\r\n", "a=rtcp-mux\r\n"
                + "a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0\r\n"
                + "a=candidate:2 1 udp 2122260223 abc.local 50001 typ host\r\n").replace("a=rtcp-mux\n",
                "a=rtcp-mux\na=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0\n"
                + "a=candidate:2 1 udp 2122260223 abc.local 50001 typ host\n");
        List<IceCandidate> candidates = BrowserOffer.parse(withCandidates).candidates();
        assertThat(candidates).hasSize(2);
        assertThat(candidates.getFirst().port()).isEqualTo(50000);
        assertThat(candidates.getFirst().isUdpIpv4()).isTrue();
        assertThat(candidates.get(1).isUdpIpv4()).as("mDNS is never paired").isFalse();
    }

    @Test
    void theAnswerIsPassiveMuxedAndCarriesTheCallersCodecAndTheBrowsersEventType() {
        BrowserOffer offer = BrowserOffer.parse(chromeOffer());
        String sdp = new BrowserAnswer(offer, "127.0.0.1", 8, "PCMA", 126, "ufrag1", "password-of-22-chars-x",
                "sha-256 AA:BB", List.of(new IceCandidate("1", 1, "udp", 2130706431L, "127.0.0.1", 10000, "host")),
                3405545346L, "callisto-c1", 42, 1, true).toSdp();
        assertThat(sdp).contains("m=audio 10000 UDP/TLS/RTP/SAVPF 8 126\r\n", "a=setup:passive\r\n", "a=rtcp-mux\r\n",
                "a=mid:0\r\n", "a=group:BUNDLE 0\r\n", "a=rtpmap:8 PCMA/8000\r\n", "a=rtpmap:126 telephone-event/8000\r\n",
                "a=candidate:1 1 UDP 2130706431 127.0.0.1 10000 typ host\r\n", "a=end-of-candidates\r\n",
                "a=ssrc:3405545346 cname:callisto-c1\r\n", "a=ice-ufrag:ufrag1\r\n", "a=sendrecv\r\n");
        assertThat(sdp).doesNotContain("opus", "a=setup:active");
    }

    @Test
    void otherSectionsAreRejectedUnderTheirMidAndLeftOutOfTheBundle() {
        String withVideo = chromeOffer() + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\n"
                + "a=rtpmap:96 VP8/90000\r\n";
        BrowserOffer offer = BrowserOffer.parse(withVideo);
        assertThat(offer.sections()).extracting(BrowserOffer.Section::mid).containsExactly("0", "1");
        String sdp = new BrowserAnswer(offer, "127.0.0.1", 0, "PCMU", -1, "ufrag1", "password-of-22-chars-x",
                "sha-256 AA:BB", List.of(), 1, "c", 1, 1, true).toSdp();
        assertThat(sdp).contains("m=video 0 UDP/TLS/RTP/SAVPF 96\r\n", "a=mid:1\r\na=inactive\r\n", "a=group:BUNDLE 0\r\n");
        assertThat(sdp).doesNotContain("telephone-event");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain RTP is refused|UDP/TLS/RTP/SAVPF 111|RTP/AVP 111",
        "no rtcp-mux|a=rtcp-mux~|a=x-nothing~",
        "no fingerprint|a=fingerprint:|a=x-fingerprint:",
        "a sha-1 fingerprint|a=fingerprint:sha-256|a=fingerprint:sha-1",
        "the browser wants to be the server|a=setup:actpass|a=setup:passive",
        "no ice-pwd|a=ice-pwd:|a=x-ice-pwd:",
        "a short ice-pwd|a=ice-pwd:aMdHlvgNw58wsa9z/G7t4SZh|a=ice-pwd:short",
        "no mid|a=mid:0|a=x-mid:0",
        "no audio|m=audio 9|m=video 9",
        "a payload type out of range|111 63 9 0 8 13 110 126|111 63 9 0 8 13 110 300",
        "a payload type that is no number|111 63 9 0 8 13 110 126|111 63 9 0 8 13 110 x",
        "not SDP|v=0|hello",
        "a line without =|s=-|s-",
    })
    void offersTheGatewayCannotAnswerAreRefusedWithTheReason(String name, String find, String replace) {
        String offer = chromeOffer().replace("\r\n", "\n").replace(find.replace("~", "\n"), replace.replace("~", "\n"));
        assertThatThrownBy(() -> BrowserOffer.parse(offer)).isInstanceOf(InvalidOfferException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void emptyAndHugeOffersAreRefused() {
        assertThatThrownBy(() -> BrowserOffer.parse("")).isInstanceOf(InvalidOfferException.class);
        assertThatThrownBy(() -> BrowserOffer.parse(null)).isInstanceOf(InvalidOfferException.class);
        assertThatThrownBy(() -> BrowserOffer.parse(chromeOffer() + "a=x:" + "y".repeat(40_000)))
                .isInstanceOf(InvalidOfferException.class).hasMessageContaining("longer than");
    }
}
