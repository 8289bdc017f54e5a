package io.callisto.gateway.media.webrtc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway needs from a browser's SDP offer (JSEP, RFC 8829): the first audio section's mid, ICE credentials
 * and candidates, DTLS fingerprint and setup role, rtcp-mux, and its G.711 and telephone-event payload types. Other
 * sections are kept only to be rejected in the answer. Anything the gateway could not answer safely is refused with
 * the reason.
 *
 * @param sections every m= line's media kind and mid, in order (the answer repeats them)
 * @param audio    index of the audio section answered
 */
public record BrowserOffer(List<Section> sections, int audio, String iceUfrag, String icePassword, String fingerprint,
                           String setup, List<IceCandidate> candidates, Map<Integer, String> codecs, int telephoneEvent) {
    /** Larger offers are not browsers' (Chrome's audio-only offer is about 2 KB, with video and data about 6 KB). */
    public static final int MAX_LENGTH = 32 * 1024;
    private static final int MAX_SECTIONS = 16;

    /** One m= line: its kind ({@code audio}, {@code video}, {@code application}), protocol, first format, mid. */
    public record Section(String kind, String protocol, String format, String mid) {
    }

    public BrowserOffer {
        sections = List.copyOf(sections);
        candidates = List.copyOf(candidates);
        codecs = Map.copyOf(codecs);
    }

    /** The payload type the browser offered for {@code encoding} (PCMU, PCMA) at 8 kHz, if it did. */
    public Optional<Integer> payloadTypeOf(String encoding) {
        return codecs.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(encoding + "/8000"))
                .map(Map.Entry::getKey).sorted().findFirst();
    }

    public String audioMid() {
        return sections.get(audio).mid();
    }

    public static BrowserOffer parse(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new InvalidOfferException("the offer is empty");
        }
        if (sdp.length() > MAX_LENGTH) {
            throw new InvalidOfferException("the offer is longer than " + MAX_LENGTH + " characters");
        }
        Parser parser = new Parser();
        for (String raw : sdp.split("\r?\n")) {
            parser.line(raw);
        }
        return parser.finish();
    }

    /** Line by line: session-level attributes apply to every section unless the section has its own. */
    private static final class Parser {
        private final List<Section> sections = new ArrayList<>();
        private final List<IceCandidate> candidates = new ArrayList<>();
        private final Map<Integer, String> codecs = new LinkedHashMap<>();
        private final Map<String, String> session = new LinkedHashMap<>();
        private final Map<String, String> media = new LinkedHashMap<>();
        private final Map<String, String> audioAttributes = new LinkedHashMap<>();
        private final List<Integer> formats = new ArrayList<>();
        private int audio = -1;
        private String kind;
        private String protocol;
        private String mid;
        private boolean rtcpMux;
        private boolean sawVersion;

        void line(String raw) {
            String line = raw.strip();
            if (line.isEmpty()) {
                return;
            }
            if (line.length() < 2 || line.charAt(1) != '=' || line.length() > 1024) {
                throw new InvalidOfferException("not an SDP line: " + abbreviate(line));
            }
            String value = line.substring(2);
            switch (line.charAt(0)) {
                case 'v' -> version(value);
                case 'm' -> section(value);
                case 'a' -> attribute(value);
                default -> requireVersion();
            }
        }

        private void version(String value) {
            if (!"0".equals(value) || sawVersion) {
                throw new InvalidOfferException("the offer must start with v=0");
            }
            sawVersion = true;
        }

        private void requireVersion() {
            if (!sawVersion) {
                throw new InvalidOfferException("the offer must start with v=0");
            }
        }

        private void section(String value) {
            requireVersion();
            closeSection();
            String[] f = value.split(" ");
            if (f.length < 4 || sections.size() >= MAX_SECTIONS) {
                throw new InvalidOfferException("a malformed or extra m= line: " + abbreviate(value));
            }
            kind = f[0].toLowerCase(Locale.ROOT);
            protocol = f[2];
            formats.clear();
            media.clear();
            mid = null;
            rtcpMux = false;
            if ("audio".equals(kind) && audio < 0) {
                for (int i = 3; i < f.length; i++) {
                    formats.add(payloadType(f[i]));
                }
            }
            sections.add(new Section(kind, protocol, f[3], null));
        }

        private void attribute(String value) {
            requireVersion();
            int colon = value.indexOf(':');
            String name = (colon < 0 ? value : value.substring(0, colon)).toLowerCase(Locale.ROOT);
            String argument = colon < 0 ? "" : value.substring(colon + 1).strip();
            if (kind == null) {
                session.putIfAbsent(name, argument);
                return;
            }
            switch (name) {
                case "mid" -> mid = argument;
                case "rtcp-mux" -> rtcpMux = true;
                case "candidate" -> {
                    if (isAnsweredAudio()) {
                        IceCandidate.parse(argument).ifPresent(candidates::add);
                    }
                }
                case "rtpmap" -> {
                    if (isAnsweredAudio()) {
                        rtpmap(argument);
                    }
                }
                default -> media.putIfAbsent(name, argument);
            }
        }

        private boolean isAnsweredAudio() {
            return "audio".equals(kind) && (audio < 0 || audio == sections.size() - 1);
        }

        private void rtpmap(String argument) {
            String[] f = argument.split("\\s+", 2);
            if (f.length == 2) {
                int pt = payloadType(f[0]);
                if (formats.contains(pt)) {
                    codecs.put(pt, f[1].strip());
                }
            }
        }

        private void closeSection() {
            if (kind == null) {
                return;
            }
            int index = sections.size() - 1;
            Section last = sections.get(index);
            sections.set(index, new Section(last.kind(), last.protocol(), last.format(), mid));
            if ("audio".equals(kind) && audio < 0) {
                checkAudio();
                audio = index;
                audioAttributes.putAll(session);
                audioAttributes.putAll(media); // the section's own values win over the session's
            }
        }

        private void checkAudio() {
            if (!"UDP/TLS/RTP/SAVPF".equalsIgnoreCase(protocol)) {
                throw new InvalidOfferException("the audio section must be UDP/TLS/RTP/SAVPF (DTLS-SRTP), not " + protocol);
            }
            if (!rtcpMux) {
                throw new InvalidOfferException("the audio section must offer a=rtcp-mux");
            }
            if (mid == null || mid.isEmpty() || mid.length() > 32) {
                throw new InvalidOfferException("the audio section needs an a=mid of 1..32 characters");
            }
        }

        BrowserOffer finish() {
            requireVersion();
            closeSection();
            if (audio < 0) {
                throw new InvalidOfferException("the offer has no audio section");
            }
            String ufrag = required("ice-ufrag", 4, 256);
            String password = required("ice-pwd", 22, 256);
            String fingerprint = required("fingerprint", 10, 300);
            if (!fingerprint.toLowerCase(Locale.ROOT).startsWith("sha-256 ")) {
                throw new InvalidOfferException("the offer needs a sha-256 a=fingerprint");
            }
            String setup = required("setup", 4, 16).toLowerCase(Locale.ROOT);
            if (!"actpass".equals(setup) && !"active".equals(setup)) {
                throw new InvalidOfferException("a=setup must be actpass or active (the gateway is the DTLS server)");
            }
            int events = codecs.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase("telephone-event/8000"))
                    .map(Map.Entry::getKey).sorted().findFirst().orElse(-1);
            return new BrowserOffer(sections, audio, ufrag, password, fingerprint, setup, candidates, codecs, events);
        }

        private String required(String name, int min, int max) {
            String value = audioAttributes.get(name);
            if (value == null || value.length() < min || value.length() > max || !value.chars().allMatch(c -> c >= 0x20
                    && c < 0x7f)) {
                throw new InvalidOfferException("the offer needs a valid a=" + name);
            }
            return value;
        }

        private static int payloadType(String text) {
            try {
                int pt = Integer.parseInt(text);
                if (pt >= 0 && pt <= 127) {
                    return pt;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new InvalidOfferException("not a payload type: " + abbreviate(text));
        }

        private static String abbreviate(String text) {
            return text.length() > 60 ? text.substring(0, 60) + "..." : text;
        }
    }
}
