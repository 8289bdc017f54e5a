package io.callisto.core.calls;

import java.time.Instant;

/** Which call records to list; every field optional. {@code from} inclusive, {@code to} exclusive, by start time. */
public record CallFilter(String agentId, String queueId, Instant from, Instant to) {
    public static final CallFilter ALL = new CallFilter(null, null, null, null);

    /** The same filter for one agent's calls. */
    public CallFilter forAgent(String agent) {
        return new CallFilter(agent, queueId, from, to);
    }
}
