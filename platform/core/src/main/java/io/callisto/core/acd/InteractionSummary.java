package io.callisto.core.acd;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/** What an offered agent is shown of an interaction: enough to decide and to pop the CRM record. */
public record InteractionSummary(String id, Channel channel, String queueId, int priority, String from,
                                 String subject, Map<String, String> data, ContactRef contact, Instant createdAt)
        implements Serializable {
}
