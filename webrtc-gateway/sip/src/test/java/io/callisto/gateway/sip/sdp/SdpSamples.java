package io.callisto.gateway.sip.sdp;

import java.util.List;

/** Realistic SDP bodies, as the named peers send them (addresses from the RFC 5737 documentation ranges). */
final class SdpSamples {

    /** sipp 3.6's built-in uac scenario (and the uas answer has the same shape). */
    static final String SIPP_UAC = crlf("""
            v=0
            o=user1 53655765 2353687637 IN IP4 127.0.0.1
            s=-
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio 6000 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            """);

    /** An Asterisk/PJSIP trunk offer: G.711 both laws and RFC 4733 DTMF. */
    static final String ASTERISK = crlf("""
            v=0
            o=- 1722470000 1722470000 IN IP4 192.0.2.10
            s=Asterisk
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 18230 RTP/AVP 0 8 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=maxptime:150
            a=sendrecv
            """);

    /** A Linphone desk client: opus and speex first, G.711 later, telephone-event at three rates. */
    static final String LINPHONE = crlf("""
            v=0
            o=alice 2314 1453 IN IP4 198.51.100.7
            s=Talk
            c=IN IP4 198.51.100.7
            t=0 0
            a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
            m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 useinbandfec=1
            a=rtpmap:97 speex/16000
            a=fmtp:97 vbr=on
            a=rtpmap:98 speex/8000
            a=fmtp:98 vbr=on
            a=fmtp:18 annexb=yes
            a=rtpmap:101 telephone-event/48000
            a=rtpmap:99 telephone-event/16000
            a=rtpmap:100 telephone-event/8000
            a=rtcp-fb:* trr-int 1000
            a=rtcp-fb:* ccm tmmbr
            """);

    /** A Chrome WebRTC offer: BUNDLE, ICE, DTLS, SSRCs, audio and video (attribute order as Chrome writes it). */
    static final String CHROME = crlf("""
            v=0
            o=- 4858338219486346573 2 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0 1
            a=extmap-allow-mixed
            a=msid-semantic: WMS 9b2a1e2c-4d3b-4f5e-8a6b-7c8d9e0f1a2b
            m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:Xy1Z
            a=ice-pwd:abcdefghijklmnopqrstuvwx
            a=ice-options:trickle
            a=fingerprint:sha-256 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF
            a=setup:actpass
            a=mid:0
            a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=sendrecv
            a=msid:9b2a1e2c-4d3b-4f5e-8a6b-7c8d9e0f1a2b 1c1d1e1f-2a2b-2c2d-3e3f-4a4b4c4d4e4f
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:111 opus/48000/2
            a=rtcp-fb:111 transport-cc
            a=fmtp:111 minptime=10;useinbandfec=1
            a=rtpmap:63 red/48000/2
            a=fmtp:63 111/111
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:13 CN/8000
            a=rtpmap:110 telephone-event/48000
            a=rtpmap:126 telephone-event/8000
            a=ssrc:3735928559 cname:abcdEFGHijklMNOP
            a=ssrc:3735928559 msid:9b2a1e2c-4d3b-4f5e-8a6b-7c8d9e0f1a2b 1c1d1e1f-2a2b-2c2d-3e3f-4a4b4c4d4e4f
            m=video 9 UDP/TLS/RTP/SAVPF 96 97
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:Xy1Z
            a=ice-pwd:abcdefghijklmnopqrstuvwx
            a=ice-options:trickle
            a=fingerprint:sha-256 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF
            a=setup:actpass
            a=mid:1
            a=sendrecv
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:96 VP8/90000
            a=rtcp-fb:96 goog-remb
            a=rtcp-fb:96 transport-cc
            a=rtcp-fb:96 ccm fir
            a=rtcp-fb:96 nack
            a=rtcp-fb:96 nack pli
            a=rtpmap:97 rtx/90000
            a=fmtp:97 apt=96
            a=ssrc-group:FID 2231627014 632943048
            a=ssrc:2231627014 cname:abcdEFGHijklMNOP
            a=ssrc:632943048 cname:abcdEFGHijklMNOP
            """);

    /** The Asterisk peer's re-INVITE putting the call on hold the RFC 3264 8.4 way. */
    static final String HOLD_SENDONLY = crlf("""
            v=0
            o=- 1722470000 1722470001 IN IP4 192.0.2.10
            s=Asterisk
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 18230 RTP/AVP 0 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=sendonly
            """);

    /** An old gateway's hold the RFC 2543 way: connection address 0.0.0.0, no direction attribute. */
    static final String HOLD_RFC2543 = crlf("""
            v=0
            o=CiscoSystemsSIP-GW-UserAgent 3974 1822 IN IP4 203.0.113.5
            s=SIP Call
            c=IN IP4 0.0.0.0
            t=0 0
            m=audio 18076 RTP/AVP 8 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            """);

    /** Every sample; all but CHROME are already in the writer's canonical form. */
    static final List<String> ALL = List.of(SIPP_UAC, ASTERISK, LINPHONE, CHROME, HOLD_SENDONLY, HOLD_RFC2543);
    static final List<String> CANONICAL = List.of(SIPP_UAC, ASTERISK, LINPHONE, HOLD_SENDONLY, HOLD_RFC2543);

    private SdpSamples() {
    }

    static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }
}
