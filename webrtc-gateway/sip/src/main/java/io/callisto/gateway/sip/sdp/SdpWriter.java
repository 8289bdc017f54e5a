package io.callisto.gateway.sip.sdp;

import java.util.List;

/**
 * Writes the canonical text of a description: RFC 8866 line order, CRLF line ends, typed attributes in
 * a fixed place (rtpmap/fmtp in m= line order, then ptime, raw attributes, rtcp, rtcp-mux, direction).
 */
public final class SdpWriter {

    private static final String CRLF = "\r\n";
    private static final String[] SESSION_GROUPS = {"iuep", "b", "tr", "z", "k"};
    private static final String[] MEDIA_GROUPS = {"i", "b", "k"};

    private SdpWriter() {
    }

    public static String write(SessionDescription description) {
        StringBuilder text = new StringBuilder(512);
        line(text, "v=", "0");
        line(text, "o=", description.origin().value());
        // RFC 8866 5.3: a session without a name is written "s= " (a single space), never "s="
        line(text, "s=", description.sessionName().isEmpty() ? " " : description.sessionName());
        List<SdpLine> extras = description.extraLines();
        extras(text, extras, SESSION_GROUPS, 0);
        description.connection().ifPresent(c -> line(text, "c=", c.value()));
        extras(text, extras, SESSION_GROUPS, 1);
        line(text, "t=", description.timing().value());
        for (int group = 2; group <= SESSION_GROUPS.length; group++) {
            extras(text, extras, SESSION_GROUPS, group);
        }
        description.attributes().forEach(a -> line(text, "a=", a.toString()));
        description.direction().ifPresent(d -> line(text, "a=", d.attribute()));
        description.media().forEach(m -> writeMedia(m, text));
        return text.toString();
    }

    static void writeMedia(MediaDescription media, StringBuilder text) {
        String port = media.portCount() == 1 ? Integer.toString(media.port()) : media.port() + "/" + media.portCount();
        line(text, "m=", media.media() + " " + port + " " + media.protocol() + " " + String.join(" ", media.formats()));
        List<SdpLine> extras = media.extraLines();
        extras(text, extras, MEDIA_GROUPS, 0);
        media.connection().ifPresent(c -> line(text, "c=", c.value()));
        for (int group = 1; group <= MEDIA_GROUPS.length; group++) {
            extras(text, extras, MEDIA_GROUPS, group);
        }
        for (String format : media.formats()) {
            if (media.isRtp()) {
                RtpMap map = media.rtpMaps().get(Integer.valueOf(format));
                if (map != null) {
                    line(text, "a=rtpmap:", map.value());
                }
            }
            media.fmtp(format).ifPresent(parameters ->
                    line(text, "a=fmtp:", parameters.isEmpty() ? format : format + " " + parameters));
        }
        media.ptime().ifPresent(ms -> line(text, "a=ptime:", Integer.toString(ms)));
        media.attributes().forEach(a -> line(text, "a=", a.toString()));
        media.rtcp().ifPresent(rtcp -> line(text, "a=rtcp:", rtcp.value()));
        if (media.rtcpMux()) {
            line(text, "a=", "rtcp-mux");
        }
        media.direction().ifPresent(d -> line(text, "a=", d.attribute()));
    }

    private static void extras(StringBuilder text, List<SdpLine> extras, String[] groups, int group) {
        for (SdpLine extra : extras) {
            if (SdpLine.rank(extra.type(), groups) == group) {
                line(text, "", extra.toString());
            }
        }
    }

    private static void line(StringBuilder text, String prefix, String value) {
        text.append(prefix).append(value).append(CRLF);
    }
}
