package io.callisto.gateway.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule the parser enforces, each with the line it must blame and the words it must use. */
class SdpRejectionTest {

    private static final String HEAD = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n";
    private static final String AUDIO = "m=audio 4000 RTP/AVP 0 101\n";

    static Stream<Arguments> malformed() {
        return Stream.of(
                reject("", 0, "empty body"),
                reject("\r\n\r\n", 0, "empty body"),
                reject("o=- 1 1 IN IP4 192.0.2.1\ns=-\n", 1, "first line must be v=0 (missing v= line)"),
                reject("v=1\no=- 1 1 IN IP4 192.0.2.1\ns=-\n", 1, "unsupported SDP version \"1\""),
                reject("v=0\nv=0\n", 2, "more than one v= line"),
                reject("v=0\ns=-\nt=0 0\n", 0, "missing o= line"),
                reject("v=0\no=- 1 1 IN IP4 192.0.2.1\nt=0 0\n", 0, "missing s= line"),
                reject("v=0\no=- 1 1 IN IP4 192.0.2.1\no=- 1 1 IN IP4 192.0.2.1\ns=-\n", 3, "more than one o= line"),
                reject("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\ns=x\n", 4, "more than one s= line"),
                reject("v=0\no=- 1 IN IP4 192.0.2.1\ns=-\n", 2, "expected o=<username> <session id>"),
                reject("v=0\no=- abc 1 IN IP4 192.0.2.1\ns=-\n", 2, "origin session id must be digits"),
                reject("v=0\no=- 1 -1 IN IP4 192.0.2.1\ns=-\n", 2, "origin session version must be digits"),
                reject(HEAD + "m=audio 70000 RTP/AVP 0\n", 6, "media port must be 0..65535, not 70000"),
                reject(HEAD + "m=audio -1 RTP/AVP 0\n", 6, "media port must be a number 0..65535"),
                reject(HEAD + "m=audio 4000/0 RTP/AVP 0\n", 6, "media port count must be 1..65535"),
                reject(HEAD + "m=audio 4000 RTP/AVP\n", 6, "expected m=<media> <port> <protocol> <format>"),
                reject(HEAD + "m=audio 4000 RTP/AVP 128\n", 6, "RTP payload type must be 0..127, not 128"),
                reject(HEAD + "m=audio 4000 RTP/AVP PCMU\n", 6, "RTP payload type must be a number 0..127"),
                reject(HEAD + "m=audio 4000 RTP/AVP 0 0\n", 6, "format 0 is listed twice"),
                reject(HEAD + "m=audio 4000 RTP//AVP 0\n", 6, "media protocol must be tokens"),
                reject(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP4 pbx.example.com"), 4, "not an IPv4 address literal"),
                reject(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP4 192.0.2.256"), 4, "not an IPv4 address literal"),
                reject(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP4 192.0.2.01"), 4, "not an IPv4 address literal"),
                reject(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP4 ::1"), 4, "not an IPv4 address literal"),
                reject(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP6 192.0.2.1"), 4, "not an IPv6 address literal"),
                reject(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP6 [2001:db8::1]"), 4, "not an IPv6 address literal"),
                reject(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP6 localhost"), 4, "not an IPv6 address literal"),
                reject(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IPX 192.0.2.1"), 4, "address type must be IP4 or IP6"),
                reject(HEAD.replace("c=IN IP4 192.0.2.1", "c=ATM NSAP 47.0005"), 4, "network type must be IN"),
                reject(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP4 233.252.0.1/127"), 4, "multicast connection addresses"),
                reject(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP4"), 4, "expected c=IN <IP4|IP6> <address>"),
                reject(HEAD + "c=IN IP4 192.0.2.2\n", 6, "more than one c= line at session level"),
                reject(HEAD + AUDIO + "c=IN IP4 192.0.2.2\nc=IN IP4 192.0.2.3\n", 8, "more than one c= line in a media section"),
                reject(HEAD.replace("c=IN IP4 192.0.2.1\n", "") + "m=audio 4000 RTP/AVP 0\n", 5, "has no c= line"),
                reject(HEAD + AUDIO + "a=rtpmap:0 PCMU/8000\na=rtpmap:0 PCMA/8000\n", 8, "more than one rtpmap for payload"),
                reject(HEAD + AUDIO + "a=rtpmap:101 telephone-event\n", 7, "rtpmap codec must be <encoding>/<clock rate>"),
                reject(HEAD + AUDIO + "a=rtpmap:101 telephone-event/0\n", 7, "rtpmap clock rate must be 1..999999999"),
                reject(HEAD + AUDIO + "a=rtpmap:101\n", 7, "expected a=rtpmap:<payload type>"),
                reject(HEAD + AUDIO + "a=rtpmap\n", 7, "a=rtpmap needs a value"),
                reject(HEAD + AUDIO + "a=fmtp:101 0-15\na=fmtp:101 0-16\n", 8, "more than one fmtp for format 101"),
                reject(HEAD + AUDIO + "a=sendonly\na=recvonly\n", 8, "more than one direction attribute in a media section"),
                reject(HEAD + AUDIO + "a=sendrecv\na=sendrecv\n", 8, "more than one direction attribute in a media section"),
                reject(HEAD + "a=inactive\na=sendonly\n" + AUDIO, 7, "more than one direction attribute at session level"),
                reject(HEAD + AUDIO + "a=sendonly:yes\n", 7, "a=sendonly takes no value"),
                reject(HEAD + AUDIO + "a=rtcp-mux:1\n", 7, "a=rtcp-mux takes no value"),
                reject(HEAD + AUDIO + "a=ptime:0\n", 7, "ptime must be 1..1000, not 0"),
                reject(HEAD + AUDIO + "a=ptime:20.5\n", 7, "ptime must be a number 1..1000"),
                reject(HEAD + AUDIO + "a=ptime:20\na=ptime:30\n", 8, "more than one a=ptime"),
                reject(HEAD + AUDIO + "a=rtcp:abc\n", 7, "rtcp port must be a number"),
                reject(HEAD + AUDIO + "a=rtcp:4001 IN IP4 rtcp.example.com\n", 7, "not an IPv4 address literal"),
                reject(HEAD + AUDIO + "a=rtcp:4001\na=rtcp:4003\n", 8, "more than one a=rtcp"),
                reject(HEAD + AUDIO + "a=\n", 7, "attribute name must be a token"),
                reject(HEAD + AUDIO + "a=:value\n", 7, "attribute name must be a token"),
                reject(HEAD + AUDIO + "t=0 0\n", 7, "t= is not allowed in a media section"),
                reject(HEAD + AUDIO + "o=- 1 1 IN IP4 192.0.2.1\n", 7, "o= is not allowed in a media section"),
                reject(HEAD.replace("t=0 0", "t=now 0"), 5, "start time must be a number"),
                reject(HEAD.replace("t=0 0", "t=0"), 5, "expected t=<start> <stop>"),
                reject(HEAD + "\n" + AUDIO, 6, "empty line"),
                reject(HEAD + "hello world\n", 6, "not a <type>=<value> line"),
                reject(HEAD + "a =x\n", 6, "not a <type>=<value> line"),
                reject(HEAD + "1=x\n", 6, "not a <type>=<value> line"),
                reject(HEAD + "s=a\u0000b\n", 6, "control character U+0000 at column 4"),
                reject(HEAD + "a=tool:x\u0007\n", 6, "control character U+0007 at column 9"),
                reject(HEAD + "a=tool:x\ry\n", 6, "control character U+000D at column 9"),
                reject(HEAD + "a=tool:\u0085\n", 6, "control character U+0085"),
                reject(HEAD + "a=x:" + "y".repeat(SdpLines.MAX_LINE) + "\n", 6, "line is longer than 4096 characters"),
                reject(HEAD + AUDIO.repeat(SessionDescription.MAX_MEDIA + 1), 70, "more than 64 media sections"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsWithLineAndReason(String body, int line, String reason) {
        SdpException e = catchThrowableOfType(SdpException.class, () -> SdpParser.parse(body));

        assertThat(e).as("parsing %s", body).isNotNull();
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).contains(reason).startsWith(line > 0 ? "SDP line " + line + ": " : "SDP: ");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void rejectsABodyOverSixtyFourKibibytes() {
        String body = HEAD + ("a=x:" + "y".repeat(1000) + "\n").repeat(66);

        assertThatThrownBy(() -> SdpParser.parse(body)).isInstanceOf(SdpException.class)
                .hasMessage("SDP: body is longer than 65536 characters");
        assertThatThrownBy(() -> SdpParser.parse(body.getBytes(StandardCharsets.UTF_8))).isInstanceOf(SdpException.class);
    }

    @Test
    void rejectsNoBody() {
        assertThatThrownBy(() -> SdpParser.parse((String) null)).isInstanceOf(SdpException.class).hasMessage("SDP: no SDP body");
        assertThatThrownBy(() -> SdpParser.parse((byte[]) null)).isInstanceOf(SdpException.class).hasMessage("SDP: no SDP body");
    }

    @Test
    void acceptsTheLimitsThemselves() {
        String longest = "a=x:" + "y".repeat(SdpLines.MAX_LINE - 4);
        SessionDescription sdp = SdpParser.parse(HEAD + longest + "\n" + AUDIO.repeat(SessionDescription.MAX_MEDIA));

        assertThat(sdp.media()).hasSize(64);
        assertThat(sdp.attributes().getFirst().value().orElseThrow()).hasSize(SdpLines.MAX_LINE - 4);
    }

    private static Arguments reject(String body, int line, String reason) {
        return Arguments.of(body, line, reason);
    }
}
