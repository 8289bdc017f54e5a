package io.callisto.gateway.sip.sdp;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Parses an SDP body, strictly where a mistake would change the call (addresses, ports, payload types,
 * directions) and tolerantly where real equipment is sloppy (LF line ends, trailing blanks, unknown lines
 * and attributes, a missing {@code t=}). Bad input of any kind ends in an {@link SdpException} naming the
 * line; nothing else is ever thrown for it.
 */
public final class SdpParser {

    private final List<SdpLines.Line> lines;
    private final SessionDescription.Builder session = SessionDescription.builder(Origin.of(0, 0, "0.0.0.0"));
    /** Line types seen at session level, for the once-only ones (v o s c) and the first t=. */
    private final Set<Character> seen = new HashSet<>();
    private boolean sessionDirection;

    private SdpParser(List<SdpLines.Line> lines) {
        this.lines = lines;
    }

    public static SessionDescription parse(String text) {
        if (text == null) {
            throw new SdpException("no SDP body");
        }
        try {
            return new SdpParser(SdpLines.split(text)).session();
        } catch (SdpException e) {
            throw e;
        } catch (RuntimeException e) {
            // a parser bug must still only cost the caller a 400, never its thread; tests assert no cause
            throw new SdpException(0, "unparseable body (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** A SIP body: UTF-8 (RFC 8866 5), undecodable bytes replaced, as they can only sit in free text. */
    public static SessionDescription parse(byte[] body) {
        if (body == null) {
            throw new SdpException("no SDP body");
        }
        if (body.length > 4 * SdpLines.MAX_BODY) {
            throw new SdpException("body is longer than " + SdpLines.MAX_BODY + " characters");
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    private SessionDescription session() {
        SdpLines.Line first = lines.getFirst();
        if (first.type() != 'v') {
            throw new SdpException(first.number(), "the first line must be v=0 (missing v= line)");
        }
        int index = 0;
        while (index < lines.size() && lines.get(index).type() != 'm') {
            SdpLines.Line line = lines.get(index++);
            run(line, () -> sessionLine(line));
        }
        if (!seen.contains('o')) {
            throw new SdpException("missing o= line");
        }
        if (!seen.contains('s')) {
            throw new SdpException("missing s= line");
        }
        boolean sessionConnection = seen.contains('c');
        int sections = 0;
        while (index < lines.size()) {
            SdpLines.Line mLine = lines.get(index++);
            if (++sections > SessionDescription.MAX_MEDIA) {
                throw new SdpException(mLine.number(), "more than " + SessionDescription.MAX_MEDIA + " media sections");
            }
            MediaSectionParser section = at(mLine, () -> new MediaSectionParser(mLine.number(), mLine.value()));
            while (index < lines.size() && lines.get(index).type() != 'm') {
                SdpLines.Line line = lines.get(index++);
                run(line, () -> section.line(line.type(), line.value()));
            }
            session.media(section.build(sessionConnection));
        }
        return at(first, session::build);
    }

    private void sessionLine(SdpLines.Line line) {
        char type = line.type();
        String value = line.value();
        if ("vosc".indexOf(type) >= 0 && !seen.add(type)) {
            throw new IllegalArgumentException("more than one " + type + "= line at session level");
        }
        switch (type) {
            case 'v' -> {
                if (!value.equals("0")) {
                    throw new IllegalArgumentException("unsupported SDP version " + Syntax.quote(value) + " (only v=0 exists)");
                }
            }
            case 'o' -> session.origin(SdpFields.origin(value));
            case 's' -> session.sessionName(value);
            case 'c' -> session.connection(Optional.of(SdpFields.connection(value)));
            case 't' -> {
                Timing timing = SdpFields.timing(value);
                if (seen.add('t')) {
                    session.timing(timing);
                } else {
                    session.extraLine(new SdpLine(type, value));
                }
            }
            case 'a' -> sessionAttribute(value);
            default -> session.extraLine(new SdpLine(type, value));
        }
    }

    private void sessionAttribute(String value) {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        Optional<String> argument = colon < 0 ? Optional.empty() : Optional.of(value.substring(colon + 1));
        Optional<Direction> direction = Direction.fromAttribute(name);
        if (direction.isEmpty()) {
            session.attribute(new Attribute(name, argument));
            return;
        }
        if (argument.isPresent()) {
            throw new IllegalArgumentException("a=" + name + " takes no value");
        }
        if (sessionDirection) {
            throw new IllegalArgumentException("more than one direction attribute at session level (a=" + name + ")");
        }
        sessionDirection = true;
        session.direction(direction);
    }

    /** Runs one line's step, turning the model's IllegalArgumentException into an SdpException at that line. */
    private static <T> T at(SdpLines.Line line, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new SdpException(line.number(), e.getMessage());
        }
    }

    private static void run(SdpLines.Line line, Runnable step) {
        at(line, () -> {
            step.run();
            return null;
        });
    }
}
