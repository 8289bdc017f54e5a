package io.callisto.core.acd;

/**
 * An agent's state as supervisors see it. OFFLINE, AVAILABLE and AWAY are set by the agent (presence);
 * RESERVED, RINGING, BUSY and WRAP_UP follow from the work assigned to them.
 */
public enum AgentState {
    OFFLINE, AVAILABLE, AWAY, RESERVED, RINGING, BUSY, WRAP_UP;

    /** Whether the agent may set this state themself. */
    public boolean isPresence() {
        return this == OFFLINE || this == AVAILABLE || this == AWAY;
    }
}
