package io.callisto.core.acd;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The strategies: which of the eligible agents get an interaction. */
final class AgentSelector {
    private static final Comparator<Agent> LONGEST_IDLE = Comparator.comparing(Agent::idleSince)
            .thenComparing(Agent::id);

    private AgentSelector() {
    }

    /** The chosen agents: one, or all of them for RING_ALL. Candidates are never empty. */
    static List<Agent> choose(QueueConfig queue, Skills requirements, List<Agent> candidates,
                              Map<String, String> roundRobinLast) {
        return switch (queue.strategy()) {
            case LONGEST_IDLE -> List.of(candidates.stream().min(LONGEST_IDLE).orElseThrow());
            case SKILLS -> List.of(candidates.stream()
                    .min(Comparator.comparingInt((Agent a) -> -a.profile().skills().proficiencyFor(requirements))
                            .thenComparing(LONGEST_IDLE))
                    .orElseThrow());
            case FEWEST_CALLS -> List.of(candidates.stream()
                    .min(Comparator.comparingLong(Agent::handled).thenComparing(LONGEST_IDLE)).orElseThrow());
            case ROUND_ROBIN -> List.of(nextInTurn(queue.id(), candidates, roundRobinLast));
            case RING_ALL -> candidates.stream().sorted(Comparator.comparing(Agent::id)).toList();
        };
    }

    /** The first candidate, by id, after the one this queue chose last (wrapping around). */
    private static Agent nextInTurn(String queueId, List<Agent> candidates, Map<String, String> roundRobinLast) {
        String last = roundRobinLast.get(queueId);
        List<Agent> ordered = candidates.stream().sorted(Comparator.comparing(Agent::id)).toList();
        Agent next = ordered.stream().filter(a -> last == null || a.id().compareTo(last) > 0).findFirst()
                .orElse(ordered.getFirst());
        roundRobinLast.put(queueId, next.id());
        return next;
    }
}
