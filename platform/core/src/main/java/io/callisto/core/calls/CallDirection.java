package io.callisto.core.calls;

/** Whether the call came in from the phone network (or a PBX) or went out to it. */
public enum CallDirection {
    INBOUND,
    OUTBOUND
}
