package io.callisto.core.acd;

import java.io.Serializable;
import java.time.Instant;

/** What an ACD operation changed, for the agents' and supervisors' event streams and for reports. */
public sealed interface AcdEvent extends Serializable {
    Instant at();

    /** An interaction is offered to an agent (several agents at once under RING_ALL). */
    record Offered(String interactionId, String agentId, String queueId, Instant expiresAt, Instant at,
                   InteractionSummary interaction) implements AcdEvent {
    }

    /** An offer ended without the agent accepting: taken by another (RING_ALL), missed, abandoned ... */
    record OfferWithdrawn(String interactionId, String agentId, String reason, Instant at) implements AcdEvent {
    }

    /** An agent's visible state changed; the audit of transitions. */
    record AgentStateChanged(String agentId, AgentState from, AgentState to, String reason, Instant at)
            implements AcdEvent {
    }

    /** An interaction entered a queue (on creation or overflow). */
    record Queued(String interactionId, String queueId, Instant at) implements AcdEvent {
    }

    /** An agent accepted; waited is the time since the interaction was created. */
    record Connected(String interactionId, String agentId, String queueId, long waitedMillis, Instant at)
            implements AcdEvent {
    }

    /** An interaction waited too long and moved to its queue's overflow queue. */
    record Overflowed(String interactionId, String fromQueueId, String toQueueId, Instant at) implements AcdEvent {
    }

    /** The connected agent handed the interaction on: to another queue, or to a named agent. */
    record Transferred(String interactionId, String fromAgentId, String toQueueId, String toAgentId, Instant at)
            implements AcdEvent {
    }

    /** An interaction ended, COMPLETED or ABANDONED: what reports keep. */
    record Ended(InteractionRecord record, Instant at) implements AcdEvent {
    }

    /**
     * The agent recorded the disposition and notes of an interaction that had ended without them (a call the caller
     * hung up, completed by the gateway), during its wrap-up: the finished record as it now stands.
     */
    record Dispositioned(InteractionRecord record, Instant at) implements AcdEvent {
    }
}
