package io.callisto.core.agent;

import io.callisto.core.acd.AgentState;
import java.time.Instant;
import java.util.Objects;

/**
 * One transition of an agent's state, for the audit. {@code batch} and {@code index} name the event batch it
 * came from and its place in it: unique per tenant, so writing a batch twice stores it once.
 */
public record AgentStateChange(long batch, int index, String agentId, AgentState from, AgentState to, String reason,
                               Instant at) {
    public AgentStateChange {
        Objects.requireNonNull(agentId);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(at);
    }
}
