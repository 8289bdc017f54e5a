package io.callisto.gateway.sip.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One {@code m=} section. The attributes the gateway acts on are typed ({@code rtpmap} and {@code fmtp} for
 * RTP profiles, {@code ptime}, direction, {@code rtcp}, {@code rtcp-mux}); every other attribute is kept
 * verbatim, in order, in {@link #attributes()}. Build one with {@link #builder(String, int, String)}.
 *
 * @param connection the media-level {@code c=}; see {@link SessionDescription#connectionAddress(MediaDescription)}
 * @param direction  the media-level direction attribute; see {@link SessionDescription#direction(MediaDescription)}
 * @param extraLines {@code i= b= k=} and unknown lines, in canonical order
 */
public record MediaDescription(String media, int port, int portCount, String protocol, List<String> formats,
                               Optional<Connection> connection, Map<Integer, RtpMap> rtpMaps, Map<String, String> fmtps,
                               OptionalInt ptime, Optional<Direction> direction, Optional<Rtcp> rtcp, boolean rtcpMux,
                               List<Attribute> attributes, List<SdpLine> extraLines) {

    /** Attribute names the model types in every section, so they may not appear as raw attributes. */
    private static final Set<String> TYPED = Set.of("ptime", "rtcp", "rtcp-mux", "sendrecv", "sendonly", "recvonly", "inactive");

    public MediaDescription {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(protocol, "protocol");
        if (!Syntax.isToken(media)) {
            throw new IllegalArgumentException("media type must be a token, not " + Syntax.quote(media));
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("media port must be 0..65535, not " + port);
        }
        if (portCount < 1 || portCount > 65535) {
            throw new IllegalArgumentException("media port count must be 1..65535, not " + portCount);
        }
        if (!Syntax.isProtocol(protocol)) {
            throw new IllegalArgumentException("media protocol must be tokens separated by '/', not " + Syntax.quote(protocol));
        }
        formats = List.copyOf(formats);
        checkFormats(formats, isRtp(protocol));
        connection = Objects.requireNonNull(connection, "connection");
        rtpMaps = Map.copyOf(rtpMaps);
        fmtps = Map.copyOf(fmtps);
        checkFormatAttributes(formats, rtpMaps, fmtps, isRtp(protocol));
        Objects.requireNonNull(ptime, "ptime");
        ptime.ifPresent(ms -> {
            if (ms < 1 || ms > 1000) {
                throw new IllegalArgumentException("ptime must be 1..1000 ms, not " + ms);
            }
        });
        direction = Objects.requireNonNull(direction, "direction");
        rtcp = Objects.requireNonNull(rtcp, "rtcp");
        attributes = List.copyOf(attributes);
        for (Attribute attribute : attributes) {
            if (isTyped(attribute.name(), isRtp(protocol))) {
                throw new IllegalArgumentException("a=" + attribute.name() + " is typed, not a raw attribute");
            }
        }
        extraLines = SdpLine.mediaOrder(extraLines);
    }

    public static Builder builder(String media, int port, String protocol) {
        return new Builder(media, port, protocol);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True for RTP profiles ({@code RTP/AVP}, {@code UDP/TLS/RTP/SAVPF}, ...), whose formats are payload types. */
    public boolean isRtp() {
        return isRtp(protocol);
    }

    public boolean isAudio() {
        return "audio".equalsIgnoreCase(media);
    }

    /** RFC 3264 section 6: port 0 rejects (or disables) the stream. */
    public boolean isRejected() {
        return port == 0;
    }

    /** The formats as payload type numbers, in the m= line's (preference) order; empty for non-RTP media. */
    public List<Integer> payloadTypes() {
        return isRtp() ? formats.stream().map(Integer::valueOf).toList() : List.of();
    }

    /** What a listed payload type means: its rtpmap, else its RFC 3551 static meaning (0 PCMU, 8 PCMA, ...). */
    public Optional<RtpMap> rtpMap(int payloadType) {
        if (!isRtp() || !formats.contains(Integer.toString(payloadType))) {
            return Optional.empty();
        }
        RtpMap explicit = rtpMaps.get(payloadType);
        return explicit != null ? Optional.of(explicit) : RtpMap.staticType(payloadType);
    }

    /** The first listed payload type carrying this codec, e.g. {@code payloadTypeFor("PCMA", 8000)}. */
    public OptionalInt payloadTypeFor(String encoding, int clockRate) {
        for (int payloadType : payloadTypes()) {
            if (rtpMap(payloadType).filter(map -> map.matches(encoding, clockRate)).isPresent()) {
                return OptionalInt.of(payloadType);
            }
        }
        return OptionalInt.empty();
    }

    /** The payload type of RFC 4733 {@code telephone-event/8000}, the DTMF events that go with G.711. */
    public OptionalInt telephoneEventType() {
        return payloadTypeFor(RtpMap.TELEPHONE_EVENT, 8000);
    }

    /** The format parameters of a listed format, e.g. {@code fmtp("101")} is {@code 0-16}. */
    public Optional<String> fmtp(String format) {
        return Optional.ofNullable(fmtps.get(format));
    }

    /** The first raw attribute of this name (case-insensitive), e.g. {@code attribute("ice-ufrag")}. */
    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    /** This section as SDP lines (CRLF-terminated). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        SdpWriter.writeMedia(this, text);
        return text.toString();
    }

    static boolean isRtp(String protocol) {
        return ("/" + protocol.toUpperCase(Locale.ROOT) + "/").contains("/RTP/");
    }

    static boolean isTyped(String attributeName, boolean rtp) {
        String name = attributeName.toLowerCase(Locale.ROOT);
        return TYPED.contains(name) || rtp && (name.equals("rtpmap") || name.equals("fmtp"));
    }

    private static void checkFormats(List<String> formats, boolean rtp) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("m= line lists no formats");
        }
        Set<String> seen = new HashSet<>();
        for (String format : formats) {
            if (rtp) {
                Syntax.parseInt(format, 0, 127, "RTP payload type");
            } else if (!Syntax.isToken(format)) {
                throw new IllegalArgumentException("media format must be a token, not " + Syntax.quote(format));
            }
            if (!seen.add(format)) {
                throw new IllegalArgumentException("format " + format + " is listed twice in the m= line");
            }
        }
    }

    private static void checkFormatAttributes(List<String> formats, Map<Integer, RtpMap> rtpMaps, Map<String, String> fmtps,
                                              boolean rtp) {
        if (!rtp && !(rtpMaps.isEmpty() && fmtps.isEmpty())) {
            throw new IllegalArgumentException("typed rtpmap/fmtp attributes need an RTP profile");
        }
        rtpMaps.forEach((payloadType, map) -> {
            if (payloadType != map.payloadType() || !formats.contains(Integer.toString(payloadType))) {
                throw new IllegalArgumentException("rtpmap for payload type " + map.payloadType()
                        + " which is not in the m= line");
            }
        });
        fmtps.forEach((format, parameters) -> {
            if (!formats.contains(format)) {
                throw new IllegalArgumentException("fmtp for format " + Syntax.quote(format) + " which is not in the m= line");
            }
            Syntax.checkText(parameters, "fmtp");
        });
    }

    /** Mutable assembly of a {@link MediaDescription}; setters replace, adders append. */
    public static final class Builder {
        private final String media;
        private int port;
        private int portCount = 1;
        private final String protocol;
        private final List<String> formats = new ArrayList<>();
        private Optional<Connection> connection = Optional.empty();
        private final Map<Integer, RtpMap> rtpMaps = new LinkedHashMap<>();
        private final Map<String, String> fmtps = new LinkedHashMap<>();
        private OptionalInt ptime = OptionalInt.empty();
        private Optional<Direction> direction = Optional.empty();
        private Optional<Rtcp> rtcp = Optional.empty();
        private boolean rtcpMux;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<SdpLine> extraLines = new ArrayList<>();

        private Builder(String media, int port, String protocol) {
            this.media = media;
            this.port = port;
            this.protocol = protocol;
        }

        private Builder(MediaDescription from) {
            this(from.media, from.port, from.protocol);
            portCount = from.portCount;
            formats.addAll(from.formats);
            connection = from.connection;
            rtpMaps.putAll(from.rtpMaps);
            fmtps.putAll(from.fmtps);
            ptime = from.ptime;
            direction = from.direction;
            rtcp = from.rtcp;
            rtcpMux = from.rtcpMux;
            attributes.addAll(from.attributes);
            extraLines.addAll(from.extraLines);
        }

        public Builder port(int newPort) {
            this.port = newPort;
            return this;
        }

        public Builder portCount(int count) {
            this.portCount = count;
            return this;
        }

        public Builder format(String format) {
            formats.add(format);
            return this;
        }

        public Builder connection(Optional<Connection> address) {
            this.connection = address;
            return this;
        }

        /** Adds or replaces the rtpmap of its payload type (which must also be added as a format). */
        public Builder rtpMap(RtpMap map) {
            rtpMaps.put(map.payloadType(), map);
            return this;
        }

        public Builder fmtp(String format, String parameters) {
            fmtps.put(format, parameters);
            return this;
        }

        public Builder ptime(OptionalInt millis) {
            this.ptime = millis;
            return this;
        }

        public Builder direction(Optional<Direction> value) {
            this.direction = value;
            return this;
        }

        public Builder rtcp(Optional<Rtcp> value) {
            this.rtcp = value;
            return this;
        }

        public Builder rtcpMux(boolean value) {
            this.rtcpMux = value;
            return this;
        }

        public Builder attribute(Attribute attribute) {
            attributes.add(attribute);
            return this;
        }

        public Builder extraLine(SdpLine line) {
            extraLines.add(line);
            return this;
        }

        public MediaDescription build() {
            return new MediaDescription(media, port, portCount, protocol, formats, connection, rtpMaps, fmtps, ptime,
                    direction, rtcp, rtcpMux, attributes, extraLines);
        }
    }
}
