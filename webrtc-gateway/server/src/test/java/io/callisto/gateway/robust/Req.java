package io.callisto.gateway.robust;

import java.util.ArrayList;
import java.util.List;

/**
 * A SIP request as text for {@link RawSip}, well-formed by default and easy to break: headers are replaced,
 * dropped or added as raw lines, the Content-Length is computed ({@code {len}}) unless set explicitly.
 */
final class Req {
    static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
    private String start;
    private final List<String[]> headers = new ArrayList<>();
    private String body = "";
    private String contentLength;

    private Req(String start) {
        this.start = start;
    }

    /** {@code METHOD sip:user@127.0.0.1:gw SIP/2.0} with Via, Max-Forwards, From, To, Call-ID, CSeq and Contact. */
    static Req of(String method, String user, int gatewayPort) {
        String target = user == null ? "127.0.0.1:" + gatewayPort : user + "@127.0.0.1:" + gatewayPort;
        return to(method, "sip:" + target, "<sip:" + (user == null ? "" : user + "@") + "127.0.0.1>");
    }

    /** A request to any request-URI (written as is) with the given To value. */
    static Req to(String method, String requestUri, String toValue) {
        return new Req(method + " " + requestUri + " SIP/2.0")
                .set("Via", "SIP/2.0/{transport} 127.0.0.1:{port};branch=z9hG4bK{branch};rport")
                .set("Max-Forwards", "70")
                .set("From", "<sip:+15550001111@127.0.0.1>;tag=f{branch}")
                .set("To", toValue)
                .set("Call-ID", "{branch}@127.0.0.1")
                .set("CSeq", "1 " + method)
                .set("Contact", "<sip:carrier@127.0.0.1:{port};transport={transport}>");
    }

    Req startLine(String line) {
        this.start = line;
        return this;
    }

    /** Replaces the header's value (the first one of that name) or appends the header. */
    Req set(String name, String value) {
        for (String[] h : headers) {
            if (h[0] != null && h[0].equalsIgnoreCase(name)) {
                h[1] = value;
                return this;
            }
        }
        headers.add(new String[] {name, value});
        return this;
    }

    Req drop(String name) {
        headers.removeIf(h -> h[0] != null && h[0].equalsIgnoreCase(name));
        return this;
    }

    /** Appends a line as is (no name/colon added): for broken headers. */
    Req raw(String line) {
        headers.add(new String[] {null, line});
        return this;
    }

    Req sdp(String sdp) {
        set("Content-Type", "application/sdp");
        this.body = sdp;
        return this;
    }

    Req body(String contentType, String text) {
        if (contentType != null) set("Content-Type", contentType);
        this.body = text;
        return this;
    }

    /** An explicit Content-Length value, true or not. */
    Req contentLength(String value) {
        this.contentLength = value;
        return this;
    }

    /** The request without any Content-Length header. */
    Req noContentLength() {
        this.contentLength = "";
        return this;
    }

    String text() {
        StringBuilder s = new StringBuilder(start).append("\r\n");
        for (String[] h : headers) {
            s.append(h[0] == null ? h[1] : h[0] + ": " + h[1]).append("\r\n");
        }
        if (contentLength == null) {
            s.append("Content-Length: {len}\r\n");
        } else if (!contentLength.isEmpty()) {
            s.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        return s.append("\r\n").append(body).toString();
    }

    /** {@code n} copies of a line ending in CRLF. */
    static String repeat(String line, int n) {
        return (line + "\r\n").repeat(n);
    }
}
