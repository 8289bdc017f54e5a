package io.callisto.gateway.sipp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SIP message from sipp's -trace_msg log: whether sipp sent or received it, over which transport, and
 * its text (lines joined with \n).
 */
public record SipMessage(String timestamp, boolean received, String transport, String text) {

    private static final Pattern BLOCK_START = Pattern.compile("^-{20,} (\\S+ \\S+)\\s*$");
    private static final Pattern DIRECTION =
            Pattern.compile("^(UDP|TCP|TLS|SCTP) (?:control )?message (sent|received)\\b.*$");
    private static final Map<String, String> COMPACT = Map.of(
            "v", "via", "f", "from", "t", "to", "i", "call-id", "m", "contact",
            "l", "content-length", "c", "content-type", "r", "refer-to", "o", "event", "k", "supported");

    /** Parses a whole -trace_msg log; lines that belong to no message are skipped. */
    public static List<SipMessage> parseLog(String log) {
        List<SipMessage> messages = new ArrayList<>();
        String[] lines = log.split("\r?\n", -1);
        int i = 0;
        while (i < lines.length) {
            Matcher start = BLOCK_START.matcher(lines[i]);
            if (!start.matches() || i + 1 >= lines.length) {
                i++;
                continue;
            }
            Matcher direction = DIRECTION.matcher(lines[i + 1]);
            int end = i + 1;
            while (end + 1 < lines.length && !BLOCK_START.matcher(lines[end + 1]).matches()) end++;
            if (direction.matches()) {
                String text = String.join("\n", List.of(lines).subList(Math.min(i + 2, end + 1), end + 1)).strip();
                if (!text.isEmpty()) {
                    messages.add(new SipMessage(start.group(1), "received".equals(direction.group(2)), direction.group(1), text));
                }
            }
            i = end + 1;
        }
        return messages;
    }

    public boolean sent() {
        return !received;
    }

    public String firstLine() {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    public boolean isResponse() {
        return firstLine().startsWith("SIP/2.0 ");
    }

    public boolean isRequest() {
        return !isResponse();
    }

    /** The request method, or "" for a response. */
    public String method() {
        return isRequest() ? firstLine().split(" ", 2)[0] : "";
    }

    /** The status code, or 0 for a request. */
    public int statusCode() {
        if (!isResponse()) return 0;
        String[] parts = firstLine().split(" ", 3);
        return parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : 0;
    }

    /** The request-URI, or "" for a response. */
    public String requestUri() {
        String[] parts = firstLine().split(" ");
        return isRequest() && parts.length > 1 ? parts[1] : "";
    }

    /** The method in the CSeq header ("INVITE" for a 200 answering an INVITE). */
    public String cseqMethod() {
        String[] parts = header("CSeq").orElse("").trim().split("\\s+");
        return parts.length > 1 ? parts[1] : "";
    }

    /** The first value of a header (case-insensitive, compact forms understood). */
    public Optional<String> header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** All values of a header, one per header line (comma-separated values are not split). */
    public List<String> headers(String name) {
        String wanted = canonical(name);
        List<String> values = new ArrayList<>();
        for (String line : headerLines()) {
            int colon = line.indexOf(':');
            if (colon > 0 && canonical(line.substring(0, colon).trim()).equals(wanted)) {
                values.add(line.substring(colon + 1).trim());
            }
        }
        return values;
    }

    /** The body (after the first empty line), or "". */
    public String body() {
        int blank = text.indexOf("\n\n");
        return blank < 0 ? "" : text.substring(blank + 2);
    }

    /** The Call-ID header, or "". */
    public String callId() {
        return header("Call-ID").orElse("");
    }

    @Override
    public String toString() {
        return (received ? "<- " : "-> ") + transport + " " + firstLine();
    }

    private List<String> headerLines() {
        int blank = text.indexOf("\n\n");
        String head = blank < 0 ? text : text.substring(0, blank);
        List<String> lines = new ArrayList<>();
        String[] raw = head.split("\n");
        for (int i = 1; i < raw.length; i++) {
            if ((raw[i].startsWith(" ") || raw[i].startsWith("\t")) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.getLast() + " " + raw[i].trim());
            } else {
                lines.add(raw[i]);
            }
        }
        return lines;
    }

    private static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return COMPACT.getOrDefault(lower, lower);
    }
}
