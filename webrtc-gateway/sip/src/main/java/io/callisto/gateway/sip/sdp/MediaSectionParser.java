package io.callisto.gateway.sip.sdp;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Parses the lines of one {@code m=} section into a {@link MediaDescription}; one instance per section. */
final class MediaSectionParser {

    private final int mLine;
    private final MediaDescription.Builder builder;
    private final List<String> formats;
    private final boolean rtp;
    /** Attributes (and c=) allowed once per section, and the payload types given an rtpmap or fmtp. */
    private final Set<String> seen = new HashSet<>();
    private boolean connection;

    MediaSectionParser(int mLine, String value) {
        this.mLine = mLine;
        this.builder = SdpFields.media(value);
        // validates the m= line itself now, so its errors point at it
        MediaDescription bare = builder.build();
        this.formats = bare.formats();
        this.rtp = bare.isRtp();
    }

    void line(char type, String value) {
        if (SdpLine.SESSION_ONLY.indexOf(type) >= 0) {
            throw new IllegalArgumentException(type + "= is not allowed in a media section");
        }
        switch (type) {
            case 'c' -> {
                if (!seen.add("c=")) {
                    throw new IllegalArgumentException("more than one c= line in a media section");
                }
                connection = true;
                builder.connection(Optional.of(SdpFields.connection(value)));
            }
            case 'a' -> attribute(value);
            default -> builder.extraLine(new SdpLine(type, value));
        }
    }

    MediaDescription build(boolean sessionConnection) {
        MediaDescription section;
        try {
            section = builder.build();
        } catch (IllegalArgumentException e) {
            throw new SdpException(mLine, e.getMessage());
        }
        // RFC 8866 5.7: every section needs a c= of its own or the session's; a rejected one carries no media
        if (!connection && !sessionConnection && !section.isRejected()) {
            throw new SdpException(mLine, "media section has no c= line and the session has none");
        }
        return section;
    }

    private void attribute(String value) {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        Optional<String> argument = colon < 0 ? Optional.empty() : Optional.of(value.substring(colon + 1));
        if (!MediaDescription.isTyped(name, rtp)) {
            builder.attribute(new Attribute(name, argument));
            return;
        }
        Optional<Direction> direction = Direction.fromAttribute(name);
        if (direction.isPresent()) {
            flag(name, argument);
            once("direction", "more than one direction attribute in a media section (a=" + name + ")");
            builder.direction(direction);
            return;
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("rtcp-mux")) {
            flag(name, argument);
            builder.rtcpMux(true);
            return;
        }
        String text = argument.orElseThrow(() -> new IllegalArgumentException("a=" + name + " needs a value"));
        switch (key) {
            case "rtpmap" -> rtpMap(text);
            case "fmtp" -> fmtp(text);
            case "ptime" -> {
                once("ptime", "more than one a=ptime");
                builder.ptime(OptionalInt.of(SdpFields.ptime(text)));
            }
            case "rtcp" -> {
                once("rtcp", "more than one a=rtcp");
                builder.rtcp(Optional.of(SdpFields.rtcp(text)));
            }
            default -> throw new IllegalStateException("typed attribute without a parser: " + key);
        }
    }

    private void rtpMap(String text) {
        RtpMap map = SdpFields.rtpMap(text);
        if (!formats.contains(Integer.toString(map.payloadType()))) {
            // Phones in the field describe codecs they then leave out of the m= line: nothing uses the description, so
            // it is dropped rather than failing the whole call (it is still parsed, so garbage is refused).
            return;
        }
        once("rtpmap " + map.payloadType(), "more than one rtpmap for payload type " + map.payloadType());
        builder.rtpMap(map);
    }

    private void fmtp(String text) {
        String[] fmtp = SdpFields.fmtp(text);
        if (!formats.contains(fmtp[0])) {
            return; // as for rtpmap: parameters of a format the m= line leaves out are dropped
        }
        once("fmtp " + fmtp[0], "more than one fmtp for format " + fmtp[0]);
        builder.fmtp(fmtp[0], fmtp[1]);
    }

    private void once(String key, String problem) {
        if (!seen.add(key)) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static void flag(String name, Optional<String> argument) {
        if (argument.isPresent()) {
            throw new IllegalArgumentException("a=" + name + " takes no value");
        }
    }
}
