package io.callisto.gateway.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * RFC 3264 offer/answer as the gateway's B2BUA needs it: G.711 passthrough, no transcoding, so each leg
 * agrees on one audio codec (PCMU or PCMA) plus RFC 4733 telephone-event, and on a direction.
 */
public final class OfferAnswer {

    /** What the relay can carry, in the gateway's own preference order. */
    public static final List<RtpMap> SUPPORTED = List.of(RtpMap.PCMU, RtpMap.PCMA);
    /** The DTMF events the gateway offers: RFC 4733's 0-9 * # A-D and flash. */
    public static final String TELEPHONE_EVENTS = "0-16";

    private OfferAnswer() {
    }

    /** Answers with {@link #SUPPORTED}; see {@link #answer(SessionDescription, String, int, Direction, long, long, List)}. */
    public static Answer answer(SessionDescription offer, String address, int port, Direction direction, long sessionId,
                                long version) {
        return answer(offer, address, port, direction, sessionId, version, SUPPORTED);
    }

    /**
     * Answers an offer: the first offered of {@code codecs} (the offerer's order and payload types win) in the
     * first plain-RTP audio section, telephone-event/8000 with its fmtp when offered, the direction RFC 3264
     * 6.1 allows given the one {@code direction} wanted; other sections rejected with port 0 in place. Pass only
     * the other leg's codec as {@code codecs} when that leg is already up, so no transcoding is ever needed.
     *
     * @throws NoCommonCodecException when no section can be accepted (488 Not Acceptable Here)
     */
    public static Answer answer(SessionDescription offer, String address, int port, Direction direction, long sessionId,
                                long version, List<RtpMap> codecs) {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(direction, "direction");
        checkPort(port);
        return new Answerer(offer, codecs).answer(Connection.of(address), port, direction,
                Origin.of(sessionId, version, address));
    }

    /**
     * A fresh offer for the B2BUA's other leg: one RTP/AVP audio section with {@code codecs} in order, plus
     * {@code telephone-event/8000} as {@code telephoneEventPt} (with fmtp 0-16) unless it is -1.
     */
    public static SessionDescription offer(String address, int port, List<RtpMap> codecs, int telephoneEventPt,
                                           Direction direction, long sessionId, long version) {
        Objects.requireNonNull(direction, "direction");
        checkPort(port);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("an offer needs at least one codec");
        }
        MediaDescription.Builder audio = MediaDescription.builder("audio", port, "RTP/AVP");
        for (RtpMap codec : codecs) {
            audio.format(Integer.toString(codec.payloadType())).rtpMap(codec);
        }
        if (telephoneEventPt != -1) {
            String format = Integer.toString(telephoneEventPt);
            audio.format(format).rtpMap(RtpMap.telephoneEvent(telephoneEventPt)).fmtp(format, TELEPHONE_EVENTS);
        }
        return SessionDescription.builder(Origin.of(sessionId, version, address))
                .connection(Optional.of(Connection.of(address)))
                .media(audio.direction(Optional.of(direction)).build())
                .build();
    }

    /**
     * What the peer's answer to our {@code offer} agreed: the first audio section it accepted with a codec we
     * offered (its payload type), telephone-event if we offered it and it kept it, and our direction on the leg.
     *
     * @throws NoCommonCodecException when the answer accepts no offered audio codec
     * @throws SdpException           when the answer does not match the offer's sections
     */
    public static NegotiatedMedia accept(SessionDescription offer, SessionDescription answer) {
        if (answer.media().size() != offer.media().size()) {
            throw new SdpException("the answer has " + answer.media().size() + " media sections, the offer had "
                    + offer.media().size() + " (RFC 3264 6)");
        }
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription ours = offer.media().get(i);
            MediaDescription theirs = answer.media().get(i);
            if (!ours.isAudio() || ours.isRejected() || theirs.isRejected() || !theirs.isRtp()) {
                continue;
            }
            for (int payloadType : theirs.payloadTypes()) {
                Optional<RtpMap> codec = theirs.rtpMap(payloadType).filter(map -> !map.isTelephoneEvent()
                        && ours.payloadTypeFor(map.encoding(), map.clockRate()).isPresent());
                if (codec.isPresent()) {
                    Direction mine = Direction.answer(Answerer.offeredDirection(answer, theirs), offer.direction(ours));
                    int events = ours.telephoneEventType().isPresent() ? theirs.telephoneEventType().orElse(-1) : -1;
                    return NegotiatedMedia.from(answer, theirs, codec.get(), events, mine);
                }
            }
        }
        throw new NoCommonCodecException("the answer accepts none of the offered audio codecs");
    }

    /**
     * The same description put on hold (RFC 3264 8.4): each active section stops receiving, so sendrecv
     * becomes sendonly and recvonly becomes inactive; the origin version is incremented.
     */
    public static SessionDescription hold(SessionDescription description) {
        return redirect(description, direction -> Direction.of(direction.sends(), false));
    }

    /** The inverse of {@link #hold}: sendonly becomes sendrecv, inactive becomes recvonly; version incremented. */
    public static SessionDescription unhold(SessionDescription description) {
        return redirect(description, direction -> Direction.of(direction.sends(), true));
    }

    /** The same description with every active section set to {@code direction}; version incremented. */
    public static SessionDescription withDirection(SessionDescription description, Direction direction) {
        Objects.requireNonNull(direction, "direction");
        return redirect(description, ignored -> direction);
    }

    private static SessionDescription redirect(SessionDescription description, UnaryOperator<Direction> change) {
        List<MediaDescription> sections = new ArrayList<>();
        for (MediaDescription section : description.media()) {
            // the session-level default is dropped below, so each section states its direction itself
            sections.add(section.isRejected() ? section
                    : section.toBuilder().direction(Optional.of(change.apply(description.direction(section)))).build());
        }
        return description.toBuilder().origin(description.origin().nextVersion()).direction(Optional.empty())
                .media(sections).build();
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("local RTP port must be 1..65535, not " + port);
        }
    }
}
