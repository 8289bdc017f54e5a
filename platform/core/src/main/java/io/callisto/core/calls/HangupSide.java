package io.callisto.core.calls;

/** Who ended the call: the caller (or the called party of an outbound call), the agent, or the system. */
public enum HangupSide {
    CALLER,
    AGENT,
    SYSTEM
}
