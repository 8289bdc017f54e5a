package io.callisto.gateway.sip.sdp;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parsers of single field values. Each throws IllegalArgumentException; the parser adds the line number. */
final class SdpFields {

    private SdpFields() {
    }

    /** {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>}. */
    static Origin origin(String value) {
        List<String> fields = count(value, 6, 6, "o=<username> <session id> <version> IN <IP4|IP6> <address>");
        if (!Syntax.isDigits(fields.get(2))) {
            throw new IllegalArgumentException("origin session version must be digits, not " + Syntax.quote(fields.get(2)));
        }
        return new Origin(fields.get(0), fields.get(1), new BigInteger(fields.get(2)), fields.get(3), fields.get(4),
                fields.get(5));
    }

    /** {@code c=IN IP4|IP6 <address literal>}; multicast {@code /ttl} suffixes and host names are refused. */
    static Connection connection(String value) {
        List<String> fields = count(value, 3, 3, "c=IN <IP4|IP6> <address>");
        if (!fields.get(0).equalsIgnoreCase("IN")) {
            throw new IllegalArgumentException("connection network type must be IN, not " + Syntax.quote(fields.get(0)));
        }
        if (fields.get(2).indexOf('/') >= 0) {
            throw new IllegalArgumentException("multicast connection addresses are not supported: "
                    + Syntax.quote(fields.get(2)));
        }
        return new Connection(fields.get(1).toUpperCase(Locale.ROOT), fields.get(2));
    }

    /** {@code t=<start> <stop>}. */
    static Timing timing(String value) {
        List<String> fields = count(value, 2, 2, "t=<start> <stop>");
        return new Timing(Syntax.parseLong(fields.get(0), "start time"), Syntax.parseLong(fields.get(1), "stop time"));
    }

    /** {@code m=<media> <port>[/<count>] <proto> <fmt> ...}, formats checked by the model (0..127 for RTP). */
    static MediaDescription.Builder media(String value) {
        List<String> fields = count(value, 4, Integer.MAX_VALUE, "m=<media> <port> <protocol> <format> ...");
        String port = fields.get(1);
        int slash = port.indexOf('/');
        int count = slash < 0 ? 1 : Syntax.parseInt(port.substring(slash + 1), 1, 65535, "media port count");
        MediaDescription.Builder builder = MediaDescription.builder(fields.get(0),
                Syntax.parseInt(slash < 0 ? port : port.substring(0, slash), 0, 65535, "media port"), fields.get(2));
        builder.portCount(count);
        fields.subList(3, fields.size()).forEach(builder::format);
        return builder;
    }

    /** {@code a=rtpmap:<payload type> <encoding>/<clock rate>[/<channels>]}. */
    static RtpMap rtpMap(String value) {
        List<String> fields = count(value, 2, 2, "a=rtpmap:<payload type> <encoding>/<clock rate>[/<channels>]");
        String[] codec = fields.get(1).split("/", -1);
        if (codec.length < 2 || codec.length > 3) {
            throw new IllegalArgumentException("rtpmap codec must be <encoding>/<clock rate>[/<channels>], not "
                    + Syntax.quote(fields.get(1)));
        }
        int channels = codec.length == 3 ? Syntax.parseInt(codec[2], 1, 255, "rtpmap channels") : 1;
        return new RtpMap(Syntax.parseInt(fields.get(0), 0, 127, "rtpmap payload type"), codec[0],
                Syntax.parseInt(codec[1], 1, 999_999_999, "rtpmap clock rate"), channels);
    }

    /** {@code a=fmtp:<format> <parameters>}: the format and its parameters (possibly empty). */
    static String[] fmtp(String value) {
        int i = 0;
        while (i < value.length() && !Syntax.isBlank(value.charAt(i))) {
            i++;
        }
        String format = value.substring(0, i);
        if (format.isEmpty()) {
            throw new IllegalArgumentException("fmtp must be <format> <parameters>");
        }
        while (i < value.length() && Syntax.isBlank(value.charAt(i))) {
            i++;
        }
        return new String[] {format, value.substring(i)};
    }

    /** RFC 3605 {@code a=rtcp:<port> [IN IP4|IP6 <address>]}. */
    static Rtcp rtcp(String value) {
        List<String> fields = Syntax.fields(value);
        if (fields.size() != 1 && fields.size() != 4) {
            throw new IllegalArgumentException("rtcp must be <port> [IN <IP4|IP6> <address>]");
        }
        Optional<Connection> address = fields.size() == 1 ? Optional.empty()
                : Optional.of(connection(String.join(" ", fields.subList(1, 4))));
        return new Rtcp(Syntax.parseInt(fields.get(0), 0, 65535, "rtcp port"), address);
    }

    /** {@code a=ptime:<milliseconds>}. */
    static int ptime(String value) {
        return Syntax.parseInt(value.strip(), 1, 1000, "ptime");
    }

    private static List<String> count(String value, int min, int max, String form) {
        List<String> fields = Syntax.fields(value);
        if (fields.size() < min || fields.size() > max) {
            throw new IllegalArgumentException("expected " + form + ", got " + Syntax.quote(value));
        }
        return fields;
    }
}
