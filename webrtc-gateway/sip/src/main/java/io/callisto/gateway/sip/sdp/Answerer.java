package io.callisto.gateway.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Answers an offer as a relay that never transcodes (RFC 3264 section 6): the first usable audio section
 * gets one codec (the offerer's first of ours, under the offerer's payload type) plus telephone-event;
 * every other section is rejected with port 0 in its place.
 */
final class Answerer {

    private final SessionDescription offer;
    private final List<RtpMap> codecs;

    Answerer(SessionDescription offer, List<RtpMap> codecs) {
        this.offer = offer;
        this.codecs = List.copyOf(codecs);
        if (this.codecs.isEmpty()) {
            throw new IllegalArgumentException("no codecs to answer with");
        }
    }

    Answer answer(Connection local, int port, Direction wanted, Origin origin) {
        List<MediaDescription> sections = new ArrayList<>();
        NegotiatedMedia agreed = null;
        for (MediaDescription offered : offer.media()) {
            Optional<RtpMap> codec = agreed == null ? choose(offered) : Optional.empty();
            if (codec.isEmpty()) {
                sections.add(rejected(offered));
                continue;
            }
            Direction direction = Direction.answer(offeredDirection(offer, offered), wanted);
            int telephoneEvent = offered.telephoneEventType().orElse(-1);
            sections.add(accepted(offered, codec.get(), telephoneEvent, port, direction));
            agreed = NegotiatedMedia.from(offer, offered, codec.get(), telephoneEvent, direction);
        }
        if (agreed == null) {
            throw new NoCommonCodecException("no audio stream to accept: the gateway relays "
                    + codecs.stream().map(RtpMap::codec).toList() + " over RTP/AVP; offered " + summary());
        }
        SessionDescription answer = SessionDescription.builder(origin).connection(Optional.of(local)).media(sections).build();
        return new Answer(answer, agreed);
    }

    /** The direction a section offers, where an RFC 2543 hold address means "do not send to me". */
    static Direction offeredDirection(SessionDescription description, MediaDescription section) {
        Direction direction = description.direction(section);
        return description.isRfc2543Hold(section) ? Direction.of(direction.sends(), false) : direction;
    }

    /** Plain RTP only: SRTP would need keys (SDES or DTLS) the SIP legs do not carry. */
    static boolean isPlainRtp(MediaDescription section) {
        String protocol = section.protocol().toUpperCase(Locale.ROOT);
        return protocol.equals("RTP/AVP") || protocol.equals("RTP/AVPF");
    }

    private Optional<RtpMap> choose(MediaDescription offered) {
        if (!offered.isAudio() || offered.isRejected() || !isPlainRtp(offered)
                || offer.connectionAddress(offered).isEmpty()) {
            return Optional.empty();
        }
        for (int payloadType : offered.payloadTypes()) {
            Optional<RtpMap> map = offered.rtpMap(payloadType)
                    .filter(m -> m.channels() == 1 && codecs.stream().anyMatch(c -> m.matches(c.encoding(), c.clockRate())));
            if (map.isPresent()) {
                return map;
            }
        }
        return Optional.empty();
    }

    private static MediaDescription accepted(MediaDescription offered, RtpMap codec, int telephoneEvent, int port,
                                             Direction direction) {
        MediaDescription.Builder section = MediaDescription.builder(offered.media(), port, offered.protocol())
                .format(Integer.toString(codec.payloadType())).rtpMap(codec);
        if (telephoneEvent >= 0) {
            String format = Integer.toString(telephoneEvent);
            section.format(format).rtpMap(RtpMap.telephoneEvent(telephoneEvent));
            offered.fmtp(format).ifPresent(events -> section.fmtp(format, events));
        }
        OptionalInt ptime = offered.ptime();
        return section.ptime(ptime).direction(Optional.of(direction)).build();
    }

    /** RFC 3264 6: a rejected section keeps its place, media type, protocol and formats, with port 0. */
    static MediaDescription rejected(MediaDescription offered) {
        MediaDescription.Builder section = MediaDescription.builder(offered.media(), 0, offered.protocol());
        offered.formats().forEach(section::format);
        return section.build();
    }

    private String summary() {
        StringBuilder text = new StringBuilder();
        for (MediaDescription section : offer.media()) {
            text.append(text.isEmpty() ? "" : "; ").append(section.media()).append(' ').append(section.protocol());
            text.append(section.isRejected() ? " port 0 " : " ").append(section.payloadTypes().stream()
                    .map(pt -> section.rtpMap(pt).map(RtpMap::codec).orElse(pt.toString())).toList());
            if (text.length() > 300) {
                return text.substring(0, 300) + "...";
            }
        }
        return text.isEmpty() ? "no media" : text.toString();
    }
}
