package io.callisto.core.calls;

/**
 * How a call ended: ANSWERED (an agent was connected), ABANDONED (the caller hung up while waiting), NO_ANSWER
 * (nobody answered in time), BUSY, FAILED (a network or media failure), REFUSED (not accepted: unknown number, trunk
 * not authenticated, no capacity).
 */
public enum CallDisposition {
    ANSWERED,
    ABANDONED,
    NO_ANSWER,
    BUSY,
    FAILED,
    REFUSED
}
