package io.callisto.gateway.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable SDP session description (RFC 8866). {@link #toString()} is its canonical CRLF text, so
 * {@code SdpParser.parse(d.toString()).equals(d)} for every parsed {@code d}.
 *
 * @param connection session-level {@code c=}, the default of every media section
 * @param direction  session-level direction attribute, the default of every media section
 * @param attributes session-level attributes other than the direction, verbatim and in order
 * @param extraLines {@code i= u= e= p= b= r= z= k=}, further {@code t=} and unknown lines, in canonical order
 */
public record SessionDescription(int version, Origin origin, String sessionName, Optional<Connection> connection,
                                 Timing timing, Optional<Direction> direction, List<Attribute> attributes,
                                 List<SdpLine> extraLines, List<MediaDescription> media) {

    /** More m= sections than any telephony peer sends; a bound on what one body can make us allocate. */
    public static final int MAX_MEDIA = 64;

    public SessionDescription {
        if (version != 0) {
            throw new IllegalArgumentException("v= must be 0, not " + version);
        }
        Objects.requireNonNull(origin, "origin");
        Syntax.checkText(Objects.requireNonNull(sessionName, "sessionName"), "session name");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(direction, "direction");
        attributes = List.copyOf(attributes);
        for (Attribute attribute : attributes) {
            if (Direction.fromAttribute(attribute.name()).isPresent()) {
                throw new IllegalArgumentException("a=" + attribute.name() + " is typed, not a raw attribute");
            }
        }
        extraLines = SdpLine.sessionOrder(extraLines);
        media = List.copyOf(media);
        if (media.size() > MAX_MEDIA) {
            throw new IllegalArgumentException("more than " + MAX_MEDIA + " media sections");
        }
    }

    public static Builder builder(Origin origin) {
        return new Builder(origin);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Where a section's media goes: its own {@code c=}, else the session's. */
    public Optional<Connection> connectionAddress(MediaDescription section) {
        return section.connection().or(() -> connection);
    }

    /** A section's direction: its own attribute, else the session's, else sendrecv (RFC 3264 5.1). */
    public Direction direction(MediaDescription section) {
        return section.direction().or(() -> direction).orElse(Direction.SENDRECV);
    }

    /** The first audio section that is not rejected (port 0), the one a G.711 call is about. */
    public Optional<MediaDescription> activeAudio() {
        return media.stream().filter(m -> m.isAudio() && !m.isRejected()).findFirst();
    }

    /**
     * True when this SDP puts the call on hold: its active audio is sendonly or inactive (RFC 3264 8.4), or
     * its address is 0.0.0.0 (RFC 2543). WebRTC peers write 0.0.0.0 as a placeholder next to ICE candidates,
     * so with {@code a=ice-ufrag} present that address is not a hold.
     */
    public boolean isHold() {
        return activeAudio().map(this::isHold).orElse(false);
    }

    /** Whether this section is held; see {@link #isHold()}. */
    public boolean isHold(MediaDescription section) {
        Direction held = direction(section);
        if (held == Direction.SENDONLY || held == Direction.INACTIVE) {
            return true;
        }
        return isRfc2543Hold(section);
    }

    /** The old-style hold of a section: {@code c=0.0.0.0} outside ICE. */
    public boolean isRfc2543Hold(MediaDescription section) {
        boolean ice = section.attribute("ice-ufrag").isPresent() || attribute("ice-ufrag").isPresent();
        return !ice && connectionAddress(section).filter(Connection::isHoldAddress).isPresent();
    }

    /** The first session-level raw attribute of this name (case-insensitive). */
    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The canonical SDP text, CRLF line ends. */
    @Override
    public String toString() {
        return SdpWriter.write(this);
    }

    /** Mutable assembly of a {@link SessionDescription}; setters replace, adders append. */
    public static final class Builder {
        private Origin origin;
        private String sessionName = "-";
        private Optional<Connection> connection = Optional.empty();
        private Timing timing = Timing.UNBOUNDED;
        private Optional<Direction> direction = Optional.empty();
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<SdpLine> extraLines = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();

        private Builder(Origin origin) {
            this.origin = origin;
        }

        private Builder(SessionDescription from) {
            this(from.origin);
            sessionName = from.sessionName;
            connection = from.connection;
            timing = from.timing;
            direction = from.direction;
            attributes.addAll(from.attributes);
            extraLines.addAll(from.extraLines);
            media.addAll(from.media);
        }

        public Builder origin(Origin value) {
            this.origin = value;
            return this;
        }

        public Builder sessionName(String value) {
            this.sessionName = value;
            return this;
        }

        public Builder connection(Optional<Connection> value) {
            this.connection = value;
            return this;
        }

        public Builder timing(Timing value) {
            this.timing = value;
            return this;
        }

        public Builder direction(Optional<Direction> value) {
            this.direction = value;
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

        public Builder media(MediaDescription section) {
            media.add(section);
            return this;
        }

        /** Replaces all media sections. */
        public Builder media(List<MediaDescription> sections) {
            media.clear();
            media.addAll(sections);
            return this;
        }

        public SessionDescription build() {
            return new SessionDescription(0, origin, sessionName, connection, timing, direction, attributes, extraLines,
                    media);
        }
    }
}
