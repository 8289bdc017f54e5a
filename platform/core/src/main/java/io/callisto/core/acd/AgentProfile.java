package io.callisto.core.acd;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What an admin configures for an agent: skills, the queues they serve, capacity per channel. */
public record AgentProfile(String agentId, Skills skills, Set<String> queueIds, Map<Channel, Integer> maxConcurrent)
        implements Serializable {
    /** One voice call, and a few of each written channel, unless configured otherwise. */
    public static final Map<Channel, Integer> DEFAULT_CAPACITY = Map.of(Channel.VOICE, 1, Channel.CHAT, 3,
            Channel.EMAIL, 5, Channel.CALLBACK, 1, Channel.TASK, 5);

    public AgentProfile {
        Objects.requireNonNull(agentId);
        Objects.requireNonNull(skills);
        queueIds = Set.copyOf(queueIds);
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        capacity.putAll(DEFAULT_CAPACITY);
        capacity.putAll(maxConcurrent);
        // A voice call needs the agent's ears: never more than one at a time.
        capacity.put(Channel.VOICE, Math.min(1, capacity.get(Channel.VOICE)));
        maxConcurrent = Map.copyOf(capacity);
    }

    public int capacity(Channel channel) {
        return maxConcurrent.getOrDefault(channel, 0);
    }
}
