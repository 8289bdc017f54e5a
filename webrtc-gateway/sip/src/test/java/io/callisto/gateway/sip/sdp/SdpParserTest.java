package io.callisto.gateway.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SdpParserTest {

    @Test
    void parsesSippsOffer() {
        SessionDescription sdp = SdpParser.parse(SdpSamples.SIPP_UAC);

        assertThat(sdp.origin()).isEqualTo(new Origin("user1", "53655765", BigInteger.valueOf(2353687637L), "IN", "IP4",
                "127.0.0.1"));
        assertThat(sdp.sessionName()).isEqualTo("-");
        assertThat(sdp.connection()).contains(new Connection("IP4", "127.0.0.1"));
        assertThat(sdp.timing()).isEqualTo(Timing.UNBOUNDED);
        MediaDescription audio = sdp.media().getFirst();
        assertThat(audio.media()).isEqualTo("audio");
        assertThat(audio.port()).isEqualTo(6000);
        assertThat(audio.protocol()).isEqualTo("RTP/AVP");
        assertThat(audio.formats()).containsExactly("0");
        assertThat(audio.rtpMaps()).containsEntry(0, RtpMap.PCMU);
        assertThat(sdp.direction(audio)).isEqualTo(Direction.SENDRECV);
        assertThat(sdp.connectionAddress(audio)).contains(new Connection("IP4", "127.0.0.1"));
        assertThat(sdp.isHold()).isFalse();
    }

    @Test
    void parsesAsterisksOfferWithTelephoneEvent() {
        SessionDescription sdp = SdpParser.parse(SdpSamples.ASTERISK);
        MediaDescription audio = sdp.media().getFirst();

        assertThat(audio.payloadTypes()).containsExactly(0, 8, 101);
        assertThat(audio.payloadTypeFor("pcma", 8000)).hasValue(8);
        assertThat(audio.telephoneEventType()).hasValue(101);
        assertThat(audio.fmtp("101")).contains("0-16");
        assertThat(audio.ptime()).hasValue(20);
        assertThat(audio.direction()).contains(Direction.SENDRECV);
        assertThat(audio.attributes()).containsExactly(Attribute.of("maxptime", "150"));
    }

    @Test
    void staticPayloadTypesNeedNoRtpmapAndTelephoneEventIsFoundAtEightKilohertz() {
        MediaDescription audio = SdpParser.parse(SdpSamples.LINPHONE).media().getFirst();

        assertThat(audio.rtpMaps()).doesNotContainKeys(0, 8, 18);
        assertThat(audio.rtpMap(0)).contains(RtpMap.PCMU);
        assertThat(audio.rtpMap(18)).contains(RtpMap.of(18, "G729", 8000));
        assertThat(audio.payloadTypeFor("PCMU", 8000)).hasValue(0);
        assertThat(audio.payloadTypeFor("opus", 48000)).hasValue(96);
        assertThat(audio.rtpMap(96)).contains(new RtpMap(96, "opus", 48000, 2));
        assertThat(audio.telephoneEventType()).as("101 and 99 are telephone-event at 48 and 16 kHz").hasValue(100);
        assertThat(audio.payloadTypeFor("G722", 8000)).isEmpty();
        assertThat(audio.rtpMap(9)).as("not listed in the m= line").isEmpty();
        assertThat(audio.fmtp("18")).contains("annexb=yes");
        assertThat(audio.attributes()).extracting(Attribute::toString)
                .containsExactly("rtcp-fb:* trr-int 1000", "rtcp-fb:* ccm tmmbr");
    }

    @Test
    void keepsEveryWebRtcAttributeInOrder() {
        SessionDescription sdp = SdpParser.parse(SdpSamples.CHROME);
        MediaDescription audio = sdp.media().get(0);
        MediaDescription video = sdp.media().get(1);

        assertThat(sdp.connection()).isEmpty();
        assertThat(sdp.attributes()).extracting(Attribute::name)
                .containsExactly("group", "extmap-allow-mixed", "msid-semantic");
        assertThat(sdp.attribute("msid-semantic").flatMap(Attribute::value))
                .contains(" WMS 9b2a1e2c-4d3b-4f5e-8a6b-7c8d9e0f1a2b");
        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.rtcp()).contains(new Rtcp(9, Optional.of(new Connection("IP4", "0.0.0.0"))));
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.attributes()).extracting(Attribute::name).containsExactly("ice-ufrag", "ice-pwd", "ice-options",
                "fingerprint", "setup", "mid", "extmap", "extmap", "extmap", "extmap", "msid", "rtcp-rsize", "rtcp-fb",
                "ssrc", "ssrc");
        assertThat(audio.telephoneEventType()).hasValue(126);
        assertThat(audio.fmtp("111")).contains("minptime=10;useinbandfec=1");
        assertThat(video.rtpMap(97)).contains(RtpMap.of(97, "rtx", 90000));
        assertThat(video.fmtp("97")).contains("apt=96");
        assertThat(sdp.isHold()).as("0.0.0.0 next to ICE is a placeholder, not a hold").isFalse();
    }

    @Test
    void recognisesBothKindsOfHold() {
        SessionDescription sendonly = SdpParser.parse(SdpSamples.HOLD_SENDONLY);
        SessionDescription rfc2543 = SdpParser.parse(SdpSamples.HOLD_RFC2543);

        assertThat(sendonly.isHold()).isTrue();
        assertThat(sendonly.isRfc2543Hold(sendonly.media().getFirst())).isFalse();
        assertThat(rfc2543.isHold()).isTrue();
        assertThat(rfc2543.isRfc2543Hold(rfc2543.media().getFirst())).isTrue();
        assertThat(rfc2543.direction(rfc2543.media().getFirst())).isEqualTo(Direction.SENDRECV);
        assertThat(SdpParser.parse(SdpSamples.ASTERISK.replace("a=sendrecv", "a=inactive")).isHold()).isTrue();
        assertThat(SdpParser.parse(SdpSamples.ASTERISK.replace("a=sendrecv", "a=recvonly")).isHold()).isFalse();
    }

    @ParameterizedTest
    @FieldSource("io.callisto.gateway.sip.sdp.SdpSamples#CANONICAL")
    void writesCanonicalSamplesBackByteForByte(String sample) {
        assertThat(SdpParser.parse(sample).toString()).isEqualTo(sample);
    }

    @ParameterizedTest
    @FieldSource("io.callisto.gateway.sip.sdp.SdpSamples#ALL")
    void roundTripsToAnEqualModel(String sample) {
        SessionDescription parsed = SdpParser.parse(sample);
        String written = parsed.toString();

        assertThat(SdpParser.parse(written)).isEqualTo(parsed);
        assertThat(SdpParser.parse(written).toString()).isEqualTo(written);
        assertThat(written).endsWith("\r\n").doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
    }

    @ParameterizedTest
    @FieldSource("io.callisto.gateway.sip.sdp.SdpSamples#ALL")
    void acceptsBareLineFeedsTrailingBlanksAndTrailingEmptyLines(String sample) {
        String sloppy = sample.replace("\r\n", " \t\n") + "\n\n";

        assertThat(SdpParser.parse(sloppy)).isEqualTo(SdpParser.parse(sample));
        assertThat(SdpParser.parse(sample.getBytes(StandardCharsets.UTF_8))).isEqualTo(SdpParser.parse(sample));
    }

    @Test
    void canonicalOrderPutsWebRtcTypedAttributesInFixedPlaces() {
        String audio = SdpParser.parse(SdpSamples.CHROME).media().getFirst().toString();

        assertThat(audio).startsWith("m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r\nc=IN IP4 0.0.0.0\r\n"
                + "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\na=rtpmap:63 red/48000/2\r\n");
        assertThat(audio).endsWith("a=rtcp:9 IN IP4 0.0.0.0\r\na=rtcp-mux\r\na=sendrecv\r\n");
    }

    @Test
    void keepsUnknownLinesAndAttributesAndPutsThemInRfcOrder() {
        String text = SdpSamples.crlf("""
                v=0
                o=- 1 1 IN IP6 2001:db8::1
                s=
                b=AS:64
                c=IN IP6 2001:db8::1
                i=session info
                t=0 0
                r=7d 1h 0 25h
                t=100 200
                x=vendor line
                a=X-custom:Value With Spaces
                a=flag
                m=audio 5004/2 RTP/AVP 0
                b=TIAS:64000
                i=audio info
                y=another
                a=empty:
                """);
        SessionDescription sdp = SdpParser.parse(text);

        assertThat(sdp.sessionName()).isEmpty();
        assertThat(sdp.connection()).contains(new Connection("IP6", "2001:db8::1"));
        assertThat(sdp.extraLines()).extracting(SdpLine::toString)
                .containsExactly("i=session info", "b=AS:64", "r=7d 1h 0 25h", "t=100 200", "x=vendor line");
        assertThat(sdp.attributes()).containsExactly(Attribute.of("X-custom", "Value With Spaces"), Attribute.of("flag"));
        MediaDescription audio = sdp.media().getFirst();
        assertThat(audio.portCount()).isEqualTo(2);
        assertThat(audio.extraLines()).extracting(SdpLine::toString).containsExactly("i=audio info", "b=TIAS:64000", "y=another");
        assertThat(audio.attributes()).containsExactly(Attribute.of("empty", ""));
        assertThat(sdp.toString()).isEqualTo(SdpSamples.crlf("""
                v=0
                o=- 1 1 IN IP6 2001:db8::1
                s=\s
                i=session info
                c=IN IP6 2001:db8::1
                b=AS:64
                t=0 0
                r=7d 1h 0 25h
                t=100 200
                x=vendor line
                a=X-custom:Value With Spaces
                a=flag
                m=audio 5004/2 RTP/AVP 0
                i=audio info
                b=TIAS:64000
                y=another
                a=empty:
                """));
        assertThat(SdpParser.parse(sdp.toString())).isEqualTo(sdp);
    }

    @Test
    void missingTimingDefaultsToUnboundedAndCaseOfKnownTokensIsForgiven() {
        SessionDescription sdp = SdpParser.parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=in ip4 192.0.2.1\n"
                + "m=audio 4000 RTP/AVP 0\na=SENDONLY\na=RTPMAP:0 pcmu/8000\n");

        assertThat(sdp.timing()).isEqualTo(Timing.UNBOUNDED);
        assertThat(sdp.connection()).contains(new Connection("IP4", "192.0.2.1"));
        MediaDescription audio = sdp.media().getFirst();
        assertThat(audio.direction()).contains(Direction.SENDONLY);
        assertThat(audio.payloadTypeFor("PCMU", 8000)).hasValue(0);
        assertThat(audio.toString()).contains("a=rtpmap:0 pcmu/8000\r\n", "a=sendonly\r\n");
    }

    @Test
    void sessionLevelDirectionIsTheDefaultAndMediaLevelWins() {
        SessionDescription sdp = SdpParser.parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\na=sendonly\n"
                + "m=audio 4000 RTP/AVP 0\nm=audio 4002 RTP/AVP 8\na=recvonly\nc=IN IP4 192.0.2.2\n");

        assertThat(sdp.direction()).contains(Direction.SENDONLY);
        assertThat(sdp.direction(sdp.media().get(0))).isEqualTo(Direction.SENDONLY);
        assertThat(sdp.direction(sdp.media().get(1))).isEqualTo(Direction.RECVONLY);
        assertThat(sdp.connectionAddress(sdp.media().get(1))).contains(new Connection("IP4", "192.0.2.2"));
        assertThat(sdp.connectionAddress(sdp.media().get(0))).contains(new Connection("IP4", "192.0.2.1"));
    }

    @Test
    void nonRtpSectionsKeepTheirFormatsAndAttributesRaw() {
        SessionDescription sdp = SdpParser.parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n"
                + "m=image 5000 udptl t38\na=T38FaxVersion:0\na=fmtp:t38 x\nm=application 0 UDP/DTLS/SCTP webrtc-datachannel\n");
        MediaDescription fax = sdp.media().get(0);

        assertThat(fax.isRtp()).isFalse();
        assertThat(fax.formats()).containsExactly("t38");
        assertThat(fax.payloadTypes()).isEmpty();
        assertThat(fax.payloadTypeFor("PCMU", 8000)).isEqualTo(OptionalInt.empty());
        assertThat(fax.attributes()).containsExactly(Attribute.of("T38FaxVersion", "0"), Attribute.of("fmtp", "t38 x"));
        assertThat(sdp.media().get(1).isRejected()).isTrue();
        assertThat(SdpParser.parse(sdp.toString())).isEqualTo(sdp);
    }

    @Test
    void modelRefusesWhatItCouldNotWriteBack() {
        MediaDescription.Builder audio = MediaDescription.builder("audio", 4000, "RTP/AVP").format("0");

        assertThat(List.of(
                attempt(() -> audio.attribute(Attribute.of("sendonly")).build()),
                attempt(() -> MediaDescription.builder("audio", 4000, "RTP/AVP").format("0").rtpMap(RtpMap.PCMA).build()),
                attempt(() -> MediaDescription.builder("audio", 4000, "RTP/AVP").build()),
                attempt(() -> Connection.of("pbx.example.com")),
                attempt(() -> new Connection("IP6", "fe80::1%eth0")),
                attempt(() -> Attribute.of("x", "a\r\nm=audio 1 RTP/AVP 0"))))
                .containsExactly("a=sendonly is typed, not a raw attribute",
                        "rtpmap for payload type 8 which is not in the m= line",
                        "m= line lists no formats",
                        "not an IP address literal (host names are not resolved): \"pbx.example.com\"",
                        "not an IPv6 address literal: \"fe80::1%eth0\"",
                        "attribute a=x contains control character U+000D");
    }

    private static String attempt(Runnable step) {
        try {
            step.run();
            return "accepted";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void rtpmapAndFmtpForFormatsTheMediaLineLeavesOutAreDroppedNotFatal() {
        SessionDescription sdp = SdpParser.parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\nm=audio 4000 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=fmtp:96 0-15\r\na=rtpmap:101 telephone-event/8000\r\n");
        MediaDescription audio = sdp.media().getFirst();
        assertThat(audio.payloadTypes()).containsExactly(8, 101);
        assertThat(sdp.toString()).doesNotContain("a=rtpmap:0").doesNotContain("a=fmtp:96");
    }
}
