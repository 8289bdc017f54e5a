package io.callisto.gateway.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OfferAnswerTest {

    private static final String LOCAL = "10.0.0.1";
    private static final String HEAD = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n";

    /** Offer x what the answer's audio section must be x what the relay is told (codec, te, direction). */
    static Stream<Arguments> negotiations() {
        return Stream.of(
                row("sipp, PCMU only", SdpSamples.SIPP_UAC,
                        "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n", RtpMap.PCMU, -1, Direction.SENDRECV),
                row("Asterisk, PCMU first", SdpSamples.ASTERISK, "m=audio 40000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                        + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n",
                        RtpMap.PCMU, 101, Direction.SENDRECV),
                row("PCMA first", HEAD + "m=audio 4000 RTP/AVP 18 8 0 96\na=rtpmap:96 telephone-event/8000\n",
                        "m=audio 40000 RTP/AVP 8 96\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:96 telephone-event/8000\r\n"
                        + "a=sendrecv\r\n",
                        RtpMap.PCMA, 96, Direction.SENDRECV),
                row("Linphone, G.711 after opus", SdpSamples.LINPHONE, "m=audio 40000 RTP/AVP 0 100\r\na=rtpmap:0 PCMU/8000\r\n"
                        + "a=rtpmap:100 telephone-event/8000\r\na=sendrecv\r\n", RtpMap.PCMU, 100, Direction.SENDRECV),
                row("dynamic PCMU keeps the offerer's number", HEAD + "m=audio 4000 RTP/AVP 97\na=rtpmap:97 pcmu/8000\n",
                        "m=audio 40000 RTP/AVP 97\r\na=rtpmap:97 pcmu/8000\r\na=sendrecv\r\n", RtpMap.of(97, "pcmu", 8000), -1,
                        Direction.SENDRECV),
                row("hold: sendonly is answered recvonly", SdpSamples.HOLD_SENDONLY, "m=audio 40000 RTP/AVP 0 101\r\n"
                        + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n"
                        + "a=ptime:20\r\na=recvonly\r\n", RtpMap.PCMU, 101, Direction.RECVONLY),
                row("recvonly is answered sendonly", SdpSamples.SIPP_UAC + "a=recvonly\r\n",
                        "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendonly\r\n", RtpMap.PCMU, -1,
                        Direction.SENDONLY),
                row("inactive stays inactive", SdpSamples.SIPP_UAC + "a=inactive\r\n",
                        "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=inactive\r\n", RtpMap.PCMU, -1,
                        Direction.INACTIVE),
                row("RFC 2543 hold: nothing is sent to 0.0.0.0", SdpSamples.HOLD_RFC2543, "m=audio 40000 RTP/AVP 8 101\r\n"
                        + "a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=recvonly\r\n",
                        RtpMap.PCMA, 101, Direction.RECVONLY),
                row("session-level sendonly, media-level sendrecv wins",
                        HEAD + "a=sendonly\nm=audio 4000 RTP/AVP 8\na=sendrecv\n",
                        "m=audio 40000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n", RtpMap.PCMA, -1,
                        Direction.SENDRECV),
                row("session-level recvonly applies", HEAD + "a=recvonly\nm=audio 4000 RTP/AVP 8\n",
                        "m=audio 40000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=sendonly\r\n", RtpMap.PCMA, -1, Direction.SENDONLY),
                row("RTP/AVPF is plain RTP too", HEAD + "m=audio 4000 RTP/AVPF 0\n",
                        "m=audio 40000 RTP/AVPF 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n", RtpMap.PCMU, -1,
                        Direction.SENDRECV));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negotiations")
    void answersTheOffer(String name, String offer, String audioAnswer, RtpMap codec, int telephoneEvent,
                         Direction direction) {
        Answer answer = OfferAnswer.answer(SdpParser.parse(offer), LOCAL, 40000, Direction.SENDRECV, 42, 1);

        assertThat(answer.description().toString())
                .isEqualTo("v=0\r\no=- 42 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n" + audioAnswer);
        assertThat(answer.media().codec()).isEqualTo(codec);
        assertThat(answer.media().telephoneEventType()).isEqualTo(telephoneEvent);
        assertThat(answer.media().direction()).isEqualTo(direction);
        assertThat(SdpParser.parse(answer.description().toString())).isEqualTo(answer.description());
    }

    @Test
    void tellsTheRelayWhereToSend() {
        NegotiatedMedia asterisk = answer(SdpSamples.ASTERISK).media();
        NegotiatedMedia rtcpAttribute = answer(HEAD + "m=audio 4000 RTP/AVP 0\na=rtcp:4100\n").media();
        NegotiatedMedia held = answer(SdpSamples.HOLD_RFC2543).media();

        assertThat(asterisk)
                .isEqualTo(new NegotiatedMedia("192.0.2.10", 18230, 18231, RtpMap.PCMU, 101, 20, Direction.SENDRECV));
        assertThat(asterisk.hasTelephoneEvent()).isTrue();
        assertThat(rtcpAttribute.remoteRtcpPort()).isEqualTo(4100);
        assertThat(rtcpAttribute.ptime()).isEqualTo(NegotiatedMedia.DEFAULT_PTIME);
        assertThat(held.remoteAddress()).isEqualTo("0.0.0.0");
        assertThat(held.direction().sends()).isFalse();
    }

    @Test
    void rejectsOtherSectionsInPlace() {
        String offer = HEAD + "m=video 5000 RTP/AVP 96\na=rtpmap:96 H264/90000\n"
                + "m=audio 4000 RTP/SAVP 0\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\n"
                + "m=audio 4002 RTP/AVP 8\nm=audio 4004 RTP/AVP 0\nm=application 0 UDP/DTLS/SCTP webrtc-datachannel\n";

        Answer answer = answer(offer);

        assertThat(answer.description().media()).extracting(MediaDescription::toString).containsExactly(
                "m=video 0 RTP/AVP 96\r\n",
                "m=audio 0 RTP/SAVP 0\r\n",
                "m=audio 40000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n",
                "m=audio 0 RTP/AVP 0\r\n",
                "m=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\n");
        assertThat(answer.media().remoteRtpPort()).isEqualTo(4002);
    }

    @Test
    void answersWithTheCodecTheOtherLegAlreadyUses() {
        Answer answer = OfferAnswer.answer(SdpParser.parse(SdpSamples.ASTERISK), LOCAL, 40000, Direction.SENDRECV, 1, 1,
                List.of(RtpMap.PCMA));

        assertThat(answer.media().codec()).isEqualTo(RtpMap.PCMA);
        assertThat(answer.description().media().getFirst().formats()).containsExactly("8", "101");
    }

    @Test
    void answersHoldingAsWanted() {
        SessionDescription offer = SdpParser.parse(SdpSamples.ASTERISK);

        SessionDescription hold = SdpParser.parse(SdpSamples.HOLD_SENDONLY);

        assertThat(OfferAnswer.answer(offer, LOCAL, 40000, Direction.SENDONLY, 1, 1).media().direction())
                .isEqualTo(Direction.SENDONLY);
        assertThat(OfferAnswer.answer(hold, LOCAL, 40000, Direction.SENDONLY, 1, 1).media().direction())
                .isEqualTo(Direction.INACTIVE);
    }

    @Test
    void refusesOffersWithoutACommonCodec() {
        assertThatThrownBy(() -> answer(HEAD + "m=audio 4000 RTP/AVP 18 101\na=rtpmap:101 telephone-event/8000\n"))
                .isInstanceOf(NoCommonCodecException.class)
                .hasMessage("SDP: no audio stream to accept: the gateway relays [PCMU/8000, PCMA/8000] over RTP/AVP; "
                        + "offered audio RTP/AVP [G729/8000, telephone-event/8000]");
        assertThatThrownBy(() -> answer(SdpSamples.CHROME)).as("WebRTC belongs on the browser leg")
                .isInstanceOf(NoCommonCodecException.class).hasMessageContaining("audio UDP/TLS/RTP/SAVPF [opus/48000/2,");
        assertThatThrownBy(() -> answer(HEAD + "m=audio 0 RTP/AVP 0\n")).isInstanceOf(NoCommonCodecException.class)
                .hasMessageContaining("audio RTP/AVP port 0 [PCMU/8000]");
        assertThatThrownBy(() -> answer(HEAD + "m=audio 4000 RTP/AVP 96\na=rtpmap:96 PCMU/16000\n"))
                .isInstanceOf(NoCommonCodecException.class);
        assertThatThrownBy(() -> answer(HEAD + "m=video 4000 RTP/AVP 0\n")).isInstanceOf(NoCommonCodecException.class);
        assertThatThrownBy(() -> answer(HEAD)).isInstanceOf(NoCommonCodecException.class)
                .hasMessageEndingWith("offered no media");
    }

    @Test
    void buildsTheOfferForTheSecondLeg() {
        SessionDescription offer = OfferAnswer.offer(LOCAL, 40002, List.of(RtpMap.PCMA), 101, Direction.SENDRECV, 7, 1);

        assertThat(offer.toString()).isEqualTo(SdpSamples.crlf("""
                v=0
                o=- 7 1 IN IP4 10.0.0.1
                s=-
                c=IN IP4 10.0.0.1
                t=0 0
                m=audio 40002 RTP/AVP 8 101
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-16
                a=sendrecv
                """));
        assertThat(OfferAnswer.offer("2001:db8::5", 40002, OfferAnswer.SUPPORTED, -1, Direction.SENDONLY, 7, 2).toString())
                .contains("o=- 7 2 IN IP6 2001:db8::5\r\n", "c=IN IP6 2001:db8::5\r\n", "m=audio 40002 RTP/AVP 0 8\r\n")
                .doesNotContain("telephone-event").endsWith("a=sendonly\r\n");
    }

    @Test
    void refusesImpossibleLocalParameters() {
        assertThatThrownBy(() -> OfferAnswer.offer("gw.example.com", 40000, List.of(RtpMap.PCMU), 101, Direction.SENDRECV, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host names are not resolved");
        assertThatThrownBy(() -> OfferAnswer.offer(LOCAL, 0, OfferAnswer.SUPPORTED, 101, Direction.SENDRECV, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> OfferAnswer.offer(LOCAL, 40000, List.of(), 101, Direction.SENDRECV, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfferAnswer.offer(LOCAL, 40000, List.of(RtpMap.PCMU), 0, Direction.SENDRECV, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
    }

    @Test
    void readsTheAnswerToOurOffer() {
        SessionDescription offer = OfferAnswer.offer(LOCAL, 40002, OfferAnswer.SUPPORTED, 101, Direction.SENDRECV, 7, 1);
        SessionDescription carrier = SdpParser.parse(HEAD + "m=audio 5000 RTP/AVP 8 96\na=rtpmap:96 telephone-event/8000\n"
                + "a=ptime:30\na=recvonly\n");

        NegotiatedMedia media = OfferAnswer.accept(offer, carrier);

        assertThat(media).isEqualTo(new NegotiatedMedia("192.0.2.1", 5000, 5001, RtpMap.PCMA, 96, 30, Direction.SENDONLY));
    }

    @Test
    void ourOwnAnswererAndAcceptorAgree() {
        SessionDescription offer = OfferAnswer.offer(LOCAL, 40002, OfferAnswer.SUPPORTED, 101, Direction.SENDONLY, 7, 1);
        Answer answer = OfferAnswer.answer(SdpParser.parse(offer.toString()), "10.0.0.2", 50000, Direction.SENDRECV, 9, 1);

        NegotiatedMedia media = OfferAnswer.accept(offer, SdpParser.parse(answer.description().toString()));

        assertThat(answer.media()).isEqualTo(new NegotiatedMedia(LOCAL, 40002, 40003, RtpMap.PCMU, 101, 20, Direction.RECVONLY));
        assertThat(media).isEqualTo(new NegotiatedMedia("10.0.0.2", 50000, 50001, RtpMap.PCMU, 101, 20, Direction.SENDONLY));
    }

    @Test
    void refusesAnswersThatDoNotFitTheOffer() {
        SessionDescription offer = OfferAnswer.offer(LOCAL, 40002, List.of(RtpMap.PCMU), -1, Direction.SENDRECV, 7, 1);

        assertThatThrownBy(() -> OfferAnswer.accept(offer, SdpParser.parse(HEAD + "m=audio 5000 RTP/AVP 8\n")))
                .isInstanceOf(NoCommonCodecException.class);
        assertThatThrownBy(() -> OfferAnswer.accept(offer, SdpParser.parse(HEAD + "m=audio 0 RTP/AVP 0\n")))
                .isInstanceOf(NoCommonCodecException.class);
        SessionDescription twoSections = SdpParser.parse(HEAD + "m=audio 5000 RTP/AVP 0\nm=video 0 RTP/AVP 96\n");
        SessionDescription withEvents = SdpParser.parse(HEAD + "m=audio 5000 RTP/AVP 0 101\na=rtpmap:101 telephone-event/8000\n");

        assertThatThrownBy(() -> OfferAnswer.accept(offer, twoSections)).isInstanceOf(SdpException.class)
                .hasMessageContaining("the answer has 2 media sections, the offer had 1");
        assertThat(OfferAnswer.accept(offer, withEvents).telephoneEventType()).as("telephone-event we did not offer")
                .isEqualTo(-1);
    }

    @Test
    void holdsAndUnholdsOurDescription() {
        SessionDescription offer = OfferAnswer.offer(LOCAL, 40002, OfferAnswer.SUPPORTED, 101, Direction.SENDRECV, 7, 1);

        SessionDescription held = OfferAnswer.hold(offer);
        SessionDescription resumed = OfferAnswer.unhold(held);

        assertThat(held.origin().sessionVersion()).hasToString("2");
        assertThat(held.direction(held.media().getFirst())).isEqualTo(Direction.SENDONLY);
        assertThat(held.isHold()).isTrue();
        assertThat(resumed.origin().sessionVersion()).hasToString("3");
        assertThat(resumed.direction(resumed.media().getFirst())).isEqualTo(Direction.SENDRECV);
        assertThat(resumed.isHold()).isFalse();
        assertThat(resumed.media()).isEqualTo(offer.media());
        SessionDescription recvonly = OfferAnswer.withDirection(offer, Direction.RECVONLY);
        assertThat(OfferAnswer.hold(recvonly).media().getFirst().direction()).contains(Direction.INACTIVE);
        assertThat(OfferAnswer.unhold(OfferAnswer.hold(recvonly)).media().getFirst().direction()).contains(Direction.RECVONLY);
    }

    @Test
    void holdStatesTheDirectionPerSectionAndLeavesRejectedOnesAlone() {
        SessionDescription offer = SdpParser.parse(HEAD + "a=recvonly\nm=audio 4000 RTP/AVP 0\nm=video 0 RTP/AVP 96\n");

        SessionDescription held = OfferAnswer.hold(offer);

        assertThat(held.direction()).isEmpty();
        assertThat(held.media().get(0).direction()).contains(Direction.INACTIVE);
        assertThat(held.media().get(1)).isEqualTo(offer.media().get(1));
    }

    @Test
    void answerDirectionFollowsRfc3264() {
        assertThat(Direction.answer(Direction.SENDRECV, Direction.SENDRECV)).isEqualTo(Direction.SENDRECV);
        assertThat(Direction.answer(Direction.SENDONLY, Direction.SENDRECV)).isEqualTo(Direction.RECVONLY);
        assertThat(Direction.answer(Direction.RECVONLY, Direction.SENDRECV)).isEqualTo(Direction.SENDONLY);
        assertThat(Direction.answer(Direction.INACTIVE, Direction.SENDRECV)).isEqualTo(Direction.INACTIVE);
        assertThat(Direction.answer(Direction.SENDRECV, Direction.RECVONLY)).isEqualTo(Direction.RECVONLY);
        assertThat(Direction.answer(Direction.RECVONLY, Direction.RECVONLY)).isEqualTo(Direction.INACTIVE);
    }

    private static Answer answer(String offer) {
        return OfferAnswer.answer(SdpParser.parse(offer), LOCAL, 40000, Direction.SENDRECV, 1, 1);
    }

    private static Arguments row(String name, String offer, String audioAnswer, RtpMap codec, int telephoneEvent,
                                 Direction direction) {
        return Arguments.of(name, offer, audioAnswer, codec, telephoneEvent, direction);
    }
}
