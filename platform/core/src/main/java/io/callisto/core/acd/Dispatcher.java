package io.callisto.core.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One routing pass over a tenant: waiting interactions in order (priority, then the queue's priority,
 * then arrival), each offered to the agents its queue's strategy picks among those eligible. An offer
 * only takes capacity away, so a single pass in this order is complete.
 */
final class Dispatcher {
    private Dispatcher() {
    }

    static Comparator<Interaction> order(TenantAcd acd) {
        Comparator<Interaction> byPriority = Comparator.comparingInt(Interaction::priority);
        Comparator<Interaction> byQueuePriority = Comparator.comparingInt(
                i -> acd.queue(i.queueId()).map(QueueConfig::priority).orElse(0));
        return byPriority.reversed().thenComparing(byQueuePriority.reversed()).thenComparingLong(Interaction::sequence);
    }

    static void dispatch(TenantAcd acd, Outcome outcome) {
        List<Interaction> waiting = acd.interactions().stream()
                .filter(i -> i.state() == InteractionState.WAITING)
                .sorted(order(acd))
                .toList();
        for (Interaction interaction : waiting) {
            // A call re-offered after every reject must still overflow when its wait is up.
            Timers.overflowIfDue(acd, interaction, outcome);
            QueueConfig queue = acd.queue(interaction.queueId()).orElse(null);
            if (queue != null) {
                offer(acd, queue, interaction, outcome);
            }
        }
    }

    private static void offer(TenantAcd acd, QueueConfig queue, Interaction interaction, Outcome outcome) {
        Instant now = outcome.now();
        // Waiting counts from the first queue: an overflow does not restart relaxation.
        long waited = Duration.between(interaction.createdAt(), now).toSeconds();
        Skills requirements = queue.requirementsAfter(waited, interaction.requiredSkills());
        List<Agent> eligible = interaction.targetAgentId() != null
                // Transferred to a named agent: theirs alone, whatever their queues and skills.
                ? acd.agent(interaction.targetAgentId()).filter(a -> a.canTake(interaction.channel())).stream().toList()
                : acd.agents().stream()
                        .filter(a -> a.profile().queueIds().contains(queue.id()))
                        .filter(a -> a.canTake(interaction.channel()))
                        .filter(a -> a.profile().skills().satisfies(requirements))
                        .toList();
        // An agent who declined is asked again only when nobody else can take it.
        List<Agent> fresh = eligible.stream().filter(a -> !interaction.declinedBy(a.id())).toList();
        List<Agent> candidates = fresh.isEmpty() ? eligible : fresh;
        if (candidates.isEmpty()) {
            return;
        }
        // Eligibility uses the relaxed minimums; ranking still prefers the skills originally asked for.
        Skills wanted = queue.requiredSkills().and(interaction.requiredSkills());
        List<Agent> chosen = AgentSelector.choose(queue, wanted, candidates, acd.roundRobinLast());
        Instant expires = now.plusSeconds(queue.offerTimeoutSeconds());
        Set<String> ids = chosen.stream().map(Agent::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        interaction.offer(ids, expires);
        for (Agent agent : chosen) {
            outcome.touch(agent, "offered");
            agent.assign(interaction.id(), interaction.channel(), Agent.Stage.OFFERED);
            outcome.add(new AcdEvent.Offered(interaction.id(), agent.id(), queue.id(), expires, now,
                    interaction.summary()));
        }
    }
}
