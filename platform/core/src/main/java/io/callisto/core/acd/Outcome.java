package io.callisto.core.acd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the events of one engine operation. Agents are "touched" before they change, so the
 * operation ends with exactly one AgentStateChanged per agent whose visible state differs.
 */
final class Outcome {
    private final List<AcdEvent> events = new ArrayList<>();
    private final Map<Agent, AgentState> before = new LinkedHashMap<>();
    private final Map<Agent, String> reasons = new LinkedHashMap<>();
    private final Instant now;

    Outcome(Instant now) {
        this.now = now;
    }

    Instant now() {
        return now;
    }

    void touch(Agent agent) {
        before.putIfAbsent(agent, agent.state());
    }

    void touch(Agent agent, String reason) {
        touch(agent);
        reasons.put(agent, reason);
    }

    void add(AcdEvent event) {
        events.add(event);
    }

    List<AcdEvent> finish() {
        for (Map.Entry<Agent, AgentState> entry : before.entrySet()) {
            Agent agent = entry.getKey();
            AgentState after = agent.state();
            if (after != entry.getValue()) {
                agent.stateSince(now);
                String reason = after == AgentState.AWAY ? agent.awayReason() : reasons.get(agent);
                events.add(new AcdEvent.AgentStateChanged(agent.id(), entry.getValue(), after, reason, now));
            }
        }
        return List.copyOf(events);
    }
}
