package io.callisto.core.acd;

import java.util.Map;
import java.util.Objects;

/** A request to distribute an interaction (a voice call from the gateway or a task from the API). */
public record NewInteraction(String id, Channel channel, String queueId, int priority, Skills requiredSkills,
                             String from, String subject, Map<String, String> data, ContactRef contact)
        implements java.io.Serializable {
    public NewInteraction {
        Objects.requireNonNull(id);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(queueId);
        requiredSkills = requiredSkills == null ? Skills.NONE : requiredSkills;
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** Without a matched CRM contact. */
    public NewInteraction(String id, Channel channel, String queueId, int priority, Skills requiredSkills, String from,
                          String subject, Map<String, String> data) {
        this(id, channel, queueId, priority, requiredSkills, from, subject, data, null);
    }
}
