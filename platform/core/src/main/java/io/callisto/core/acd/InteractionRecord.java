package io.callisto.core.acd;

import java.io.Serializable;
import java.time.Instant;

/** A finished interaction as reports keep it. */
public record InteractionRecord(String interactionId, Channel channel, String queueId, String agentId,
                                InteractionState finalState, String from, String subject, int priority,
                                Instant createdAt, Instant connectedAt, Instant endedAt, String disposition,
                                String notes, String contactId, int transfers) implements Serializable {
    public long handleMillis() {
        return connectedAt == null ? 0 : endedAt.toEpochMilli() - connectedAt.toEpochMilli();
    }
}
