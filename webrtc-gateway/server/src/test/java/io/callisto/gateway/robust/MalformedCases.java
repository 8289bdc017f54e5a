package io.callisto.gateway.robust;

import io.callisto.gateway.call.GatewayWorld;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table of malformed and hostile messages: each case is sent over UDP and over TCP (or one of them where the
 * other makes no sense) with what the gateway may answer. Templates are {@link RawSip} text; {@link Req} builds
 * the well-formed part.
 */
final class MalformedCases {
    static final String UNKNOWN_NUMBER = "+15559999999";
    static final String FOREIGN_NUMBER = "+15557654321";

    private MalformedCases() {
    }

    /**
     * What is acceptable: a final response in {@code finals}, or silence when {@code silenceOk}. Whatever the case,
     * a 5xx/6xx is never acceptable (except {@code allowed5xx}, e.g. 505 for a SIP version we do not speak).
     */
    record Expect(Set<Integer> finals, boolean silenceOk, Set<Integer> allowed5xx) {
        static Expect answer(Integer... codes) {
            return new Expect(new TreeSet<>(Arrays.asList(codes)), false, Set.of());
        }

        static Expect answerOrDrop(Integer... codes) {
            return new Expect(new TreeSet<>(Arrays.asList(codes)), true, Set.of());
        }

        static Expect drop() {
            return new Expect(Set.of(), true, Set.of());
        }

        Expect or5xx(Integer... codes) {
            return new Expect(finals, silenceOk, Set.of(codes));
        }

        /** Null when the reply is acceptable, else why not. */
        String violation(RawSip.Reply reply) {
            for (String message : reply.responses()) {
                if (!message.startsWith("SIP/2.0 ")) {
                    return "sent back something that is not a response: " + message.lines().findFirst().orElse("");
                }
            }
            for (int status : reply.statuses()) {
                if (status >= 500 && !allowed5xx.contains(status)) return "answered " + status + " (5xx/6xx to client input)";
            }
            if (reply.silent()) return silenceOk ? null : "no answer, expected one of " + finals;
            if (reply.finalStatus().isEmpty()) return silenceOk ? null : "no final answer, expected one of " + finals;
            int status = reply.finalStatus().get();
            if (!finals.contains(status) && !allowed5xx.contains(status)) {
                return "answered " + status + ", expected " + (finals.isEmpty() ? "silence" : "one of " + finals)
                        + (silenceOk && !finals.isEmpty() ? " or silence" : "");
            }
            return null;
        }

        String describe() {
            String codes = finals.isEmpty() ? "" : finals.toString();
            if (!allowed5xx.isEmpty()) codes += "+" + allowed5xx;
            if (finals.isEmpty() && allowed5xx.isEmpty()) return "silence";
            return silenceOk ? codes + " or silence" : codes;
        }
    }

    /**
     * One row: {@code udp}/{@code tcp} templates (null: not sent that way) with their expectations; {@code tcpQuiet}
     * is how long TCP waits for more (long for messages left incomplete, to see the gateway close the connection).
     */
    record Case(String batch, String name, String udp, Expect udpExpect, String tcp, Expect tcpExpect, Duration tcpQuiet,
                boolean mustClose) {
        static Case both(String batch, String name, String template, Expect expect) {
            return new Case(batch, name, template, expect, template, expect, null, false);
        }
    }

    static List<Case> all(int gw, String tenant) {
        List<Case> cases = new ArrayList<>();
        startLines(cases, gw);
        headers(cases, gw);
        sizes(cases, gw);
        sdp(cases, gw);
        outOfDialog(cases, gw, tenant);
        return cases;
    }

    static final String START = "start line";
    static final String HEADERS = "headers";
    static final String SIZES = "sizes and encodings";
    static final String SDP = "SDP";
    static final String DIALOG = "outside dialogs, registrar";

    private static void startLines(List<Case> c, int gw) {
        String options = Req.of("OPTIONS", "ping", gw).text();
        String rest = options.substring(options.indexOf("\r\n"));
        c.add(Case.both(START, "text that is not SIP", "hello gateway, how are you?\r\n\r\n", Expect.drop()));
        c.add(Case.both(START, "512 random bytes", noise(512), Expect.drop()));
        c.add(Case.both(START, "CRLF keep-alive only", "\r\n\r\n", Expect.drop()));
        c.add(Case.both(START, "start line without request-URI", "INVITE SIP/2.0" + rest, Expect.answerOrDrop(400)));
        c.add(Case.both(START, "start line without version", "OPTIONS sip:ping@127.0.0.1" + rest, Expect.answerOrDrop(400)));
        // RFC 3261 says 505; the stack reads any version as 2.0, which is lenient but harmless
        c.add(Case.both(START, "SIP/3.0", "OPTIONS sip:ping@127.0.0.1 SIP/3.0" + rest,
                Expect.answerOrDrop(200, 400).or5xx(505)));
        c.add(Case.both(START, "lower-case method (an unknown extension method)", "options sip:ping@127.0.0.1 SIP/2.0"
                + rest.replace("CSeq: 1 OPTIONS", "CSeq: 1 options"), Expect.answerOrDrop(400, 405)));
        c.add(Case.both(START, "method of 300 letters", "X".repeat(300) + " sip:ping@127.0.0.1 SIP/2.0"
                + rest.replace("CSeq: 1 OPTIONS", "CSeq: 1 " + "X".repeat(300)), Expect.answerOrDrop(400, 405)));
        c.add(Case.both(START, "request-URI sip:@@@:::/", "INVITE sip:@@@:::/ SIP/2.0" + rest.replace("OPTIONS", "INVITE"),
                Expect.answerOrDrop(400, 404, 416)));
        c.add(Case.both(START, "request-URI with unclosed IPv6 bracket", "OPTIONS sip:ping@[::1 SIP/2.0" + rest,
                Expect.answerOrDrop(400, 416)));
        c.add(Case.both(START, "request-URI http://", Req.to("INVITE", "http://127.0.0.1/x", "<http://127.0.0.1/x>")
                .sdp(Req.SDP).text(), Expect.answerOrDrop(400, 404, 416)));
        c.add(Case.both(START, "request-URI tel: of an unknown number", Req.to("INVITE", "tel:" + UNKNOWN_NUMBER,
                "<tel:" + UNKNOWN_NUMBER + ">").sdp(Req.SDP).text(), Expect.answerOrDrop(400, 404, 416)));
        c.add(Case.both(START, "request-URI of 4 KB", Req.of("INVITE", "9".repeat(4096), gw).sdp(Req.SDP).text(),
                Expect.answerOrDrop(400, 404, 414)));
        c.add(Case.both(START, "INVITE to an unknown number", Req.of("INVITE", UNKNOWN_NUMBER, gw).sdp(Req.SDP).text(),
                Expect.answer(404)));
        c.add(Case.both(START, "INVITE to a name, not a number", Req.of("INVITE", "admin", gw).sdp(Req.SDP).text(),
                Expect.answer(404)));
        c.add(Case.both(START, "INVITE without a user part", Req.of("INVITE", null, gw).sdp(Req.SDP).text(),
                Expect.answer(404)));
        c.add(Case.both(START, "INVITE to a number no trunk of ours allows from here", Req.of("INVITE", FOREIGN_NUMBER, gw)
                .sdp(Req.SDP).text(), Expect.answer(403)));
    }

    private static void headers(List<Case> c, int gw) {
        for (String header : List.of("Via", "From", "To", "Call-ID", "CSeq")) {
            c.add(Case.both(HEADERS, "INVITE without " + header, Req.of("INVITE", UNKNOWN_NUMBER, gw).drop(header)
                    .sdp(Req.SDP).text(), header.equals("Via") ? Expect.drop() : Expect.answerOrDrop(400)));
        }
        c.add(Case.both(HEADERS, "INVITE without Max-Forwards", Req.of("INVITE", UNKNOWN_NUMBER, gw).drop("Max-Forwards")
                .sdp(Req.SDP).text(), Expect.answerOrDrop(400, 404, 483)));
        c.add(Case.both(HEADERS, "OPTIONS without Max-Forwards", Req.of("OPTIONS", "ping", gw).drop("Max-Forwards").text(),
                Expect.answerOrDrop(200, 400, 483)));
        c.add(Case.both(HEADERS, "Max-Forwards: 0", Req.of("INVITE", UNKNOWN_NUMBER, gw).set("Max-Forwards", "0")
                .sdp(Req.SDP).text(), Expect.answerOrDrop(404, 483)));
        c.add(Case.both(HEADERS, "Max-Forwards: abc", Req.of("OPTIONS", "ping", gw).set("Max-Forwards", "abc").text(),
                Expect.answerOrDrop(400)));
        c.add(Case.both(HEADERS, "CSeq method BYE on an INVITE", Req.of("INVITE", UNKNOWN_NUMBER, gw).set("CSeq", "1 BYE")
                .sdp(Req.SDP).text(), Expect.answerOrDrop(400)));
        c.add(Case.both(HEADERS, "CSeq: abc OPTIONS", Req.of("OPTIONS", "ping", gw).set("CSeq", "abc OPTIONS").text(),
                Expect.answerOrDrop(400)));
        c.add(Case.both(HEADERS, "CSeq of 20 digits", Req.of("OPTIONS", "ping", gw).set("CSeq", "9".repeat(20) + " OPTIONS")
                .text(), Expect.answerOrDrop(400)));
        c.add(Case.both(HEADERS, "Via: garbage", Req.of("OPTIONS", "ping", gw).set("Via", "garbage").text(),
                Expect.answerOrDrop(400)));
        c.add(Case.both(HEADERS, "Via with port 99999", Req.of("OPTIONS", "ping", gw)
                .set("Via", "SIP/2.0/{transport} 127.0.0.1:99999;branch=z9hG4bK{branch}").text(),
                Expect.answerOrDrop(200, 400)));
        c.add(Case.both(HEADERS, "From: <<<>>>", Req.of("INVITE", UNKNOWN_NUMBER, gw).set("From", "<<<>>>;tag=1")
                .sdp(Req.SDP).text(), Expect.answerOrDrop(400)));
        c.add(Case.both(HEADERS, "To: <sip:@@@>", Req.of("INVITE", UNKNOWN_NUMBER, gw).set("To", "<sip:@@@>")
                .sdp(Req.SDP).text(), Expect.answerOrDrop(400, 404)));
        c.add(Case.both(HEADERS, "From a tel: URI with no host", Req.of("INVITE", UNKNOWN_NUMBER, gw)
                .set("From", "<tel:+15550001111>;tag=t{branch}").sdp(Req.SDP).text(), Expect.answerOrDrop(400, 404)));
        c.add(Case.both(HEADERS, "Contact: garbage", Req.of("INVITE", UNKNOWN_NUMBER, gw).set("Contact", "<not a uri")
                .sdp(Req.SDP).text(), Expect.answerOrDrop(400, 404)));
        c.add(Case.both(HEADERS, "two Call-IDs", Req.of("OPTIONS", "ping", gw).raw("Call-ID: second@127.0.0.1").text(),
                Expect.answerOrDrop(200, 400)));
        c.add(Case.both(HEADERS, "a line without a colon", Req.of("OPTIONS", "ping", gw).raw("ThisIsNotAHeader").text(),
                Expect.answerOrDrop(200, 400)));
        c.add(Case.both(HEADERS, "a header with an empty name", Req.of("OPTIONS", "ping", gw).raw(": value").text(),
                Expect.answerOrDrop(200, 400)));
        c.add(Case.both(HEADERS, "folded header (legal)", Req.of("OPTIONS", "ping", gw).raw("Subject: a\r\n b\r\n\tc").text(),
                Expect.answerOrDrop(200, 400)));
        c.add(Case.both(HEADERS, "a header folded over 2,000 lines", Req.of("OPTIONS", "ping", gw)
                .raw("Subject: start\r\n" + " x\r\n".repeat(2000) + " end").text(), Expect.answerOrDrop(200, 400, 413)));
        c.add(Case.both(HEADERS, "folding right after the start line", Req.of("OPTIONS", "ping", gw).text()
                .replaceFirst("\r\n", "\r\n  folded-onto-the-start-line\r\n"), Expect.answerOrDrop(200, 400)));
        c.add(Case.both(HEADERS, "folded Via and CSeq", Req.of("OPTIONS", "ping", gw)
                .set("Via", "SIP/2.0/{transport}\r\n 127.0.0.1:{port}\r\n ;branch=z9hG4bK{branch}")
                .set("CSeq", "1\r\n OPTIONS").text(), Expect.answerOrDrop(200, 400)));
        c.add(Case.both(HEADERS, "NUL byte in a header value", Req.of("OPTIONS", "ping", gw).set("Subject", "a\0b\0c").text(),
                Expect.answerOrDrop(200, 400)));
        c.add(Case.both(HEADERS, "NUL bytes in the method", Req.of("OPTIONS", "ping", gw).text().replaceFirst("OPTIONS",
                "OPT\0IONS"), Expect.answerOrDrop(400, 405)));
        c.add(Case.both(HEADERS, "NUL in the Call-ID", Req.of("INVITE", UNKNOWN_NUMBER, gw).set("Call-ID", "\0\0{branch}")
                .sdp(Req.SDP).text(), Expect.answerOrDrop(400, 404)));
        c.add(Case.both(HEADERS, "non-UTF-8 display name", Req.of("INVITE", UNKNOWN_NUMBER, gw)
                .set("From", "\"\u00c3\u0028\u00ff\u00fe\" <sip:+15550001111@127.0.0.1>;tag=f{branch}").sdp(Req.SDP).text(),
                Expect.answerOrDrop(400, 404)));
        c.add(Case.both(HEADERS, "non-UTF-8 request-URI user", Req.of("INVITE", "\u00ff\u00fe\u00c3\u0028", gw)
                .sdp(Req.SDP).text(), Expect.answerOrDrop(400, 404)));
        c.add(Case.both(HEADERS, "Expires: -1 on a REGISTER", Req.of("REGISTER", "ann", gw).set("Expires", "-1").text(),
                Expect.answerOrDrop(400, 401, 404)));
    }

    private static void sizes(List<Case> c, int gw) {
        String pad60k = "X-Pad: " + "p".repeat(60_000);
        c.add(Case.both(SIZES, "header line of 8 KB", Req.of("OPTIONS", "ping", gw).set("Subject", "s".repeat(8192)).text(),
                Expect.answerOrDrop(200, 400, 413)));
        c.add(Case.both(SIZES, "message of 60 KB (one header)", Req.of("OPTIONS", "ping", gw).raw(pad60k).text(),
                Expect.answerOrDrop(200, 400, 413)));
        c.add(Case.both(SIZES, "body of 60 KB", Req.of("OPTIONS", "ping", gw).body("text/plain", "b".repeat(60_000)).text(),
                Expect.answerOrDrop(200, 400, 413, 415)));
        c.add(Case.both(SIZES, "10,000 headers", Req.of("OPTIONS", "ping", gw).raw(Req.repeat("X: 1", 9_999) + "X: 1").text(),
                Expect.answerOrDrop(200, 400, 413)));
        c.add(new Case(SIZES, "message of 1 MB (TCP)", null, null, Req.of("OPTIONS", "ping", gw)
                .body("text/plain", "m".repeat(1 << 20)).text(), Expect.answerOrDrop(400, 413), null, false));
        c.add(new Case(SIZES, "1 MB without a line break (TCP)", null, null, "OPTIONS sip:" + "a".repeat(1 << 20),
                Expect.answerOrDrop(400, 414), Duration.ofSeconds(30), true));
        c.add(new Case(SIZES, "10,000 long headers, 230 KB (TCP)", null, null, Req.of("OPTIONS", "ping", gw)
                .raw(Req.repeat("X-Header-Of-Some-Length: value", 9_999) + "X-Last: 1").text(), Expect.answerOrDrop(400, 413),
                null, false));
        c.add(Case.both(SIZES, "Content-Length: -5", Req.of("OPTIONS", "ping", gw).contentLength("-5").text(),
                Expect.answerOrDrop(400)));
        c.add(Case.both(SIZES, "Content-Length of 20 digits", Req.of("OPTIONS", "ping", gw).contentLength("9".repeat(20))
                .text(), Expect.answerOrDrop(400, 413)));
        c.add(new Case(SIZES, "Content-Length: 2147483647", Req.of("OPTIONS", "ping", gw).contentLength("2147483647").text(),
                Expect.answerOrDrop(400, 413), Req.of("OPTIONS", "ping", gw).contentLength("2147483647").text(),
                Expect.answerOrDrop(400, 413), Duration.ofSeconds(30), true));
        c.add(Case.both(SIZES, "Content-Length: abc", Req.of("OPTIONS", "ping", gw).contentLength("abc").text(),
                Expect.answerOrDrop(400)));
        c.add(Case.both(SIZES, "two different Content-Lengths", Req.of("OPTIONS", "ping", gw).raw("Content-Length: 7")
                .body("text/plain", "abc").text(), Expect.answerOrDrop(200, 400)));
        c.add(new Case(SIZES, "Content-Length 500, body 10 bytes", Req.of("OPTIONS", "ping", gw).contentLength("500")
                .body("text/plain", "0123456789").text(), Expect.answerOrDrop(400),
                Req.of("OPTIONS", "ping", gw).contentLength("500").body("text/plain", "0123456789").text(),
                Expect.answerOrDrop(400), Duration.ofSeconds(30), true));
        c.add(Case.both(SIZES, "body longer than Content-Length", Req.of("OPTIONS", "ping", gw).contentLength("2")
                .body("text/plain", "0123456789").text(), Expect.answerOrDrop(200, 400)));
        c.add(new Case(SIZES, "half a message, then silence (TCP)", null, null, Req.of("INVITE", UNKNOWN_NUMBER, gw)
                .sdp(Req.SDP).text().substring(0, 120), Expect.answerOrDrop(400), Duration.ofSeconds(30), true));
        c.add(Case.both(SIZES, "NUL bytes as the body", Req.of("OPTIONS", "ping", gw).body("application/octet-stream",
                "\0".repeat(300)).text(), Expect.answerOrDrop(200, 400, 415)));
    }

    private static void sdp(List<Case> c, int gw) {
        String number = GatewayWorld.NUMBER;
        String sdp = Req.SDP;
        c.add(Case.both(SDP, "SDP: garbage", Req.of("INVITE", number, gw).sdp("this is not sdp\r\n").text(),
                Expect.answer(400, 488)));
        c.add(Case.both(SDP, "SDP: no m= line", Req.of("INVITE", number, gw).sdp(sdp.substring(0, sdp.indexOf("m=")))
                .text(), Expect.answer(400, 488)));
        c.add(Case.both(SDP, "SDP: port 99999", Req.of("INVITE", number, gw).sdp(sdp.replace("40000", "99999")).text(),
                Expect.answer(400, 488)));
        c.add(Case.both(SDP, "SDP: c= with a host name", Req.of("INVITE", number, gw)
                .sdp(sdp.replace("c=IN IP4 127.0.0.1", "c=IN IP4 media.example.invalid")).text(), Expect.answer(400, 488)));
        c.add(Case.both(SDP, "SDP: c=IN IP4 999.1.1.1", Req.of("INVITE", number, gw)
                .sdp(sdp.replace("c=IN IP4 127.0.0.1", "c=IN IP4 999.1.1.1")).text(), Expect.answer(400, 488)));
        c.add(Case.both(SDP, "SDP: no c= at all", Req.of("INVITE", number, gw).sdp(sdp.replace("c=IN IP4 127.0.0.1\r\n", ""))
                .text(), Expect.answer(400, 488)));
        c.add(Case.both(SDP, "SDP: only codec G.729 (unsupported)", Req.of("INVITE", number, gw)
                .sdp(sdp.replace("RTP/AVP 8 0 101", "RTP/AVP 18").replace("a=rtpmap:101 telephone-event/8000",
                        "a=rtpmap:18 G729/8000")).text(), Expect.answer(488)));
        c.add(Case.both(SDP, "SDP: only telephone-event", Req.of("INVITE", number, gw)
                .sdp(sdp.replace("RTP/AVP 8 0 101", "RTP/AVP 101")).text(), Expect.answer(488)));
        c.add(Case.both(SDP, "SDP: audio rejected (port 0)", Req.of("INVITE", number, gw).sdp(sdp.replace("40000", "0"))
                .text(), Expect.answer(400, 488)));
        c.add(Case.both(SDP, "SDP: video only", Req.of("INVITE", number, gw)
                .sdp(sdp.replace("m=audio 40000 RTP/AVP 8 0 101", "m=video 40000 RTP/AVP 96")
                        .replace("a=rtpmap:101 telephone-event/8000", "a=rtpmap:96 H264/90000")).text(), Expect.answer(488)));
        c.add(Case.both(SDP, "SDP: NUL bytes", Req.of("INVITE", number, gw).sdp(sdp.replace("s=-", "s=\0\0\0")).text(),
                Expect.answer(400, 488)));
        c.add(Case.both(SDP, "SDP: v=1", Req.of("INVITE", number, gw).sdp(sdp.replace("v=0", "v=1")).text(),
                Expect.answer(400, 488)));
        c.add(Case.both(SDP, "INVITE without SDP", Req.of("INVITE", number, gw).text(), Expect.answer(400, 488)));
        c.add(Case.both(SDP, "SDP body with a non-SDP content type", Req.of("INVITE", number, gw)
                .body("text/plain", "hello").text(), Expect.answer(400, 415, 488)));
        c.add(new Case(SDP, "SDP of 60 KB", Req.of("INVITE", number, gw).sdp(bigSdp(60_000)).text(),
                Expect.answerOrDrop(400, 413, 488), null, null, null, false));
        c.add(new Case(SDP, "SDP of 100 KB (TCP)", null, null, Req.of("INVITE", number, gw).sdp(bigSdp(100_000)).text(),
                Expect.answerOrDrop(400, 413, 488), null, false));
        c.add(Case.both(SDP, "SDP: 200 video sections, no audio", Req.of("INVITE", number, gw)
                .sdp(sdp.substring(0, sdp.indexOf("m=")) + Req.repeat("m=video 40002 RTP/AVP 96", 200)).text(),
                Expect.answerOrDrop(400, 413, 488)));
    }

    private static void outOfDialog(List<Case> c, int gw, String tenant) {
        String number = GatewayWorld.NUMBER;
        c.add(Case.both(DIALOG, "BYE outside a dialog", Req.of("BYE", number, gw).set("To", "<sip:" + number
                + "@127.0.0.1>;tag=nomatch").set("CSeq", "2 BYE").text(), Expect.answer(481)));
        c.add(Case.both(DIALOG, "BYE without To tag", Req.of("BYE", number, gw).text(), Expect.answer(481)));
        c.add(Case.both(DIALOG, "ACK outside a dialog", Req.of("ACK", number, gw).set("To", "<sip:" + number
                + "@127.0.0.1>;tag=nomatch").text(), Expect.drop()));
        c.add(Case.both(DIALOG, "CANCEL of no INVITE", Req.of("CANCEL", number, gw).text(), Expect.answer(481)));
        c.add(Case.both(DIALOG, "re-INVITE, To tag matching nothing (request-URI our number)", Req.of("INVITE", number, gw)
                .set("To", "<sip:" + number + "@127.0.0.1>;tag=nomatch").set("CSeq", "2 INVITE").sdp(Req.SDP).text(),
                Expect.answer(481)));
        c.add(Case.both(DIALOG, "re-INVITE, To tag matching nothing (request-URI our Contact)", Req.of("INVITE", null, gw)
                .set("To", "<sip:" + number + "@127.0.0.1>;tag=nomatch").set("CSeq", "2 INVITE").sdp(Req.SDP).text(),
                Expect.answer(404, 481)));
        for (String method : List.of("INFO", "REFER", "NOTIFY", "UPDATE", "PRACK")) {
            Req req = Req.of(method, number, gw).set("To", "<sip:" + number + "@127.0.0.1>;tag=nomatch");
            if (method.equals("REFER")) req.set("Refer-To", "<sip:+15550002222@127.0.0.1>");
            if (method.equals("NOTIFY")) req.set("Event", "refer").set("Subscription-State", "active");
            c.add(Case.both(DIALOG, method + " outside a dialog", req.text(), Expect.answer(481)));
        }
        for (String method : List.of("SUBSCRIBE", "MESSAGE", "PUBLISH")) {
            c.add(Case.both(DIALOG, method + " (not supported)", Req.of(method, number, gw).set("Event", "presence").text(),
                    Expect.answer(405, 489)));
        }
        c.add(Case.both(DIALOG, "unsolicited SIP/2.0 200 to an INVITE", response("200 OK", "1 INVITE", gw), Expect.drop()));
        c.add(Case.both(DIALOG, "unsolicited SIP/2.0 180", response("180 Ringing", "1 INVITE", gw), Expect.drop()));
        c.add(Case.both(DIALOG, "unsolicited SIP/2.0 401 with a challenge", response("401 Unauthorized", "1 REGISTER", gw)
                .replace("Content-Length", "WWW-Authenticate: Digest realm=\"x\", nonce=\"y\"\r\nContent-Length"),
                Expect.drop()));
        c.add(Case.both(DIALOG, "unsolicited SIP/2.0 999", response("999 Whatever", "1 BYE", gw), Expect.drop()));
        registrar(c, gw, tenant);
    }

    private static void registrar(List<Case> c, int gw, String tenant) {
        String uri = "sip:" + tenant;
        List<String> authorizations = List.of("Digest", "Digest garbage", "Basic YW5uOlNpcC1TZWNyZXQtNDI=",
                "Digest username=\"ann\", realm=\"" + tenant + "\", nonce=\"forged\", uri=\"" + uri + "\", response=\"00\"",
                "Digest username=\"ann\", realm=\"" + tenant + "\", nonce=\"unterminated, uri=\"" + uri,
                "Digest username=\"" + "a".repeat(4096) + "\", realm=\"" + tenant + "\", nonce=\"n\", response=\"0\"",
                "Digest username=\"ann\", realm=\"other-realm\", nonce=\"n\", uri=\"" + uri + "\", response=\"0\", "
                        + "qop=auth-int, nc=zzzzzzzz, cnonce=\"\", algorithm=SHA-512-256",
                "Digest username=\"ann\", username=\"bob\", realm=\"" + tenant + "\", realm=\"x\", nonce=\"n\", response=\"0\"",
                "Digest " + "x=y, ".repeat(2000) + "username=\"ann\"");
        for (int i = 0; i < authorizations.size(); i++) {
            String value = authorizations.get(i);
            String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
            String register = registerTo(tenant, gw).set("Authorization", value).text();
            // over TCP the stack closes a connection with a header line of ~8 KB or more (UDP: up to the datagram size)
            Expect tcp = value.length() > 8000 ? Expect.answerOrDrop(400, 401, 403) : Expect.answer(400, 401, 403);
            c.add(new Case(DIALOG, "REGISTER, Authorization " + (i + 1) + ": " + shown.replace("|", "/"), register,
                    Expect.answer(400, 401, 403), register, tcp, null, false));
        }
        c.add(Case.both(DIALOG, "REGISTER for a tenant id that does not exist",
                registerTo("t-does-not-exist", gw).text(), Expect.answer(401, 403, 404)));
        c.add(Case.both(DIALOG, "REGISTER for a tenant that does not exist, with credentials",
                registerTo("t-does-not-exist", gw).set("Authorization", "Digest username=\"ann\", realm=\"t-does-not-exist\","
                        + " nonce=\"n\", uri=\"sip:t-does-not-exist\", response=\"00\"").text(), Expect.answer(401, 403, 404)));
        c.add(Case.both(DIALOG, "REGISTER for a tenant id of 300 characters", registerTo("t".repeat(300), gw).text(),
                Expect.answer(400, 401, 403, 404)));
        c.add(Case.both(DIALOG, "REGISTER to the gateway's address (no tenant)", registerTo("127.0.0.1", gw).text(),
                Expect.answer(401, 403, 404)));
        c.add(Case.both(DIALOG, "REGISTER with Contact: * and Expires 3600", registerTo(tenant, gw).set("Contact", "*")
                .set("Expires", "3600").text(), Expect.answer(400, 401)));
        c.add(Case.both(DIALOG, "REGISTER with 100 Contacts", registerTo(tenant, gw)
                .raw(Req.repeat("Contact: <sip:ann@127.0.0.1:{port}>", 99) + "Contact: <sip:ann@127.0.0.1:1>").text(),
                Expect.answer(400, 401)));
    }

    private static Req registerTo(String domain, int gw) {
        return Req.to("REGISTER", "sip:" + domain, "<sip:ann@" + domain + ">")
                .set("From", "<sip:ann@" + domain + ">;tag=r{branch}").set("Expires", "3600")
                .set("Contact", "<sip:ann@127.0.0.1:{port};transport={transport}>");
    }

    /** A response nobody asked for, as if from a phone answering a call we never made. */
    static String response(String status, String cseq, int gw) {
        return "SIP/2.0 " + status + "\r\n"
                + "Via: SIP/2.0/{transport} 127.0.0.1:" + gw + ";branch=z9hG4bK{branch}\r\n"
                + "From: <sip:+15550001111@127.0.0.1>;tag=f{branch}\r\n"
                + "To: <sip:ann@127.0.0.1>;tag=t{branch}\r\n"
                + "Call-ID: {branch}@127.0.0.1\r\n"
                + "CSeq: " + cseq + "\r\n"
                + "Contact: <sip:ann@127.0.0.1:{port}>\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String bigSdp(int size) {
        StringBuilder s = new StringBuilder(Req.SDP);
        for (int i = 0; s.length() < size; i++) {
            s.append("a=x-padding-").append(i).append(":").append("z".repeat(60)).append("\r\n");
        }
        return s.toString();
    }

    private static String noise(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
