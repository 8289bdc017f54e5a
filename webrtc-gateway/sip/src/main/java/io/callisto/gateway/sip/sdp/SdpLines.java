package io.callisto.gateway.sip.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a body into {@code <type>=<value>} lines and enforces the limits that keep a hostile body cheap:
 * the body and line sizes, no control characters. Accepts CRLF or bare LF, trailing blanks and trailing
 * empty lines, as real equipment sends them.
 */
final class SdpLines {

    /** Largest body accepted, in characters: far above any telephony SDP (a WebRTC offer is ~5 KiB). */
    static final int MAX_BODY = 64 * 1024;
    /** Longest line accepted, in characters, without its line end. */
    static final int MAX_LINE = 4 * 1024;

    /** One line: its 1-based number, type letter and value. */
    record Line(int number, char type, String value) {
    }

    private SdpLines() {
    }

    static List<Line> split(String text) {
        if (text.length() > MAX_BODY) {
            throw new SdpException("body is longer than " + MAX_BODY + " characters");
        }
        List<Line> lines = new ArrayList<>();
        int firstEmpty = 0;
        int number = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            number++;
            String line = stripTrailing(text, start, end);
            start = end + 1;
            if (line.isEmpty()) {
                firstEmpty = firstEmpty == 0 ? number : firstEmpty;
                continue;
            }
            if (firstEmpty != 0) {
                throw new SdpException(firstEmpty, "empty line");
            }
            lines.add(line(number, line));
        }
        if (lines.isEmpty()) {
            throw new SdpException("empty body");
        }
        return lines;
    }

    private static Line line(int number, String line) {
        if (line.length() > MAX_LINE) {
            throw new SdpException(number, "line is longer than " + MAX_LINE + " characters");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                throw new SdpException(number, "control character U+%04X at column %d".formatted((int) c, i + 1));
            }
        }
        char type = line.charAt(0);
        boolean letter = type >= 'a' && type <= 'z' || type >= 'A' && type <= 'Z';
        if (line.length() < 2 || !letter || line.charAt(1) != '=') {
            throw new SdpException(number, "not a <type>=<value> line: " + Syntax.quote(line));
        }
        return new Line(number, type, line.substring(2));
    }

    /** The line without its CR and trailing blanks. */
    private static String stripTrailing(String text, int start, int end) {
        int last = end;
        while (last > start && (Syntax.isBlank(text.charAt(last - 1)) || text.charAt(last - 1) == '\r')) {
            last--;
        }
        return text.substring(start, last);
    }
}
