package io.callisto.gateway.sip.sdp;

/**
 * An SDP body that cannot be used: malformed, over a limit, or (subclasses) not negotiable. Unchecked,
 * like the rest of the gateway's typed errors; the SIP edge maps it to 400/488.
 */
public class SdpException extends RuntimeException {

    private final int line;

    /** A problem with the body as a whole (no single line to blame). */
    public SdpException(String problem) {
        this(0, problem);
    }

    /** A problem on a line, counted from 1. */
    public SdpException(int line, String problem) {
        super(prefix(line) + problem);
        this.line = line;
    }

    SdpException(int line, String problem, Throwable cause) {
        super(prefix(line) + problem, cause);
        this.line = line;
    }

    /** The 1-based line the problem is on, or 0 when it concerns the whole body. */
    public int line() {
        return line;
    }

    private static String prefix(int line) {
        return line > 0 ? "SDP line " + line + ": " : "SDP: ";
    }
}
