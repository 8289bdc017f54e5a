package io.callisto.gateway.sip.sdp;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code a=rtpmap:<payload type> <encoding>/<clock rate>[/<channels>]}: what an RTP payload type means. */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels) {

    public static final RtpMap PCMU = new RtpMap(0, "PCMU", 8000, 1);
    public static final RtpMap PCMA = new RtpMap(8, "PCMA", 8000, 1);
    public static final String TELEPHONE_EVENT = "telephone-event";

    /** RFC 3551's static payload types, which mean this even without an rtpmap line. */
    private static final Map<Integer, RtpMap> STATIC = Map.ofEntries(
            Map.entry(0, PCMU), fixed(3, "GSM", 8000), fixed(4, "G723", 8000), fixed(5, "DVI4", 8000),
            fixed(6, "DVI4", 16000), fixed(7, "LPC", 8000), Map.entry(8, PCMA), fixed(9, "G722", 8000),
            Map.entry(10, new RtpMap(10, "L16", 44100, 2)), fixed(11, "L16", 44100), fixed(12, "QCELP", 8000),
            fixed(13, "CN", 8000), fixed(14, "MPA", 90000), fixed(15, "G728", 8000), fixed(16, "DVI4", 11025),
            fixed(17, "DVI4", 22050), fixed(18, "G729", 8000), fixed(25, "CelB", 90000), fixed(26, "JPEG", 90000),
            fixed(28, "nv", 90000), fixed(31, "H261", 90000), fixed(32, "MPV", 90000), fixed(33, "MP2T", 90000),
            fixed(34, "H263", 90000));

    public RtpMap {
        Objects.requireNonNull(encoding, "encoding");
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127, not " + payloadType);
        }
        if (!Syntax.isToken(encoding)) {
            throw new IllegalArgumentException("encoding name must be a token, not " + Syntax.quote(encoding));
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, not " + clockRate);
        }
        if (channels < 1 || channels > 255) {
            throw new IllegalArgumentException("channels must be 1..255, not " + channels);
        }
    }

    /** A mono codec, e.g. {@code RtpMap.of(96, "telephone-event", 8000)}. */
    public static RtpMap of(int payloadType, String encoding, int clockRate) {
        return new RtpMap(payloadType, encoding, clockRate, 1);
    }

    /** RFC 4733 named telephone events (DTMF) at 8 kHz, the rate matching G.711. */
    public static RtpMap telephoneEvent(int payloadType) {
        return of(payloadType, TELEPHONE_EVENT, 8000);
    }

    /** The RFC 3551 meaning of a static payload type, used when an offer lists it without an rtpmap. */
    public static Optional<RtpMap> staticType(int payloadType) {
        return Optional.ofNullable(STATIC.get(payloadType));
    }

    /** Same encoding (names are case-insensitive, RFC 4855) and clock rate. */
    public boolean matches(String otherEncoding, int otherClockRate) {
        return encoding.equalsIgnoreCase(otherEncoding) && clockRate == otherClockRate;
    }

    /** The same codec under another payload type number. */
    public RtpMap withPayloadType(int otherPayloadType) {
        return new RtpMap(otherPayloadType, encoding, clockRate, channels);
    }

    /** {@code PCMU/8000}, or {@code opus/48000/2} for several channels. */
    public String codec() {
        return encoding + "/" + clockRate + (channels == 1 ? "" : "/" + channels);
    }

    /** The text after {@code a=rtpmap:}. */
    public String value() {
        return payloadType + " " + codec();
    }

    boolean isTelephoneEvent() {
        return encoding.equalsIgnoreCase(TELEPHONE_EVENT);
    }

    private static Map.Entry<Integer, RtpMap> fixed(int payloadType, String encoding, int clockRate) {
        return Map.entry(payloadType, of(payloadType, encoding, clockRate));
    }
}
