package io.callisto.gateway.sip.sdp;

/** The first {@code t=} line: NTP start and stop seconds, 0 0 for an unbounded session (what SIP uses). */
public record Timing(long start, long stop) {

    public static final Timing UNBOUNDED = new Timing(0, 0);

    public Timing {
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("t= times must not be negative");
        }
    }

    public String value() {
        return start + " " + stop;
    }
}
