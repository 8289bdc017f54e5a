package io.callisto.core.acd;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Deadlines: offers not accepted in time, wrap-ups that end, interactions that waited too long. */
final class Timers {
    static final String MISSED = "missed";

    private Timers() {
    }

    static Outcome applyDue(TenantAcd acd, Outcome outcome) {
        Instant now = outcome.now();
        for (Interaction interaction : List.copyOf(acd.interactions())) {
            if (interaction.state() == InteractionState.ROUTED && !interaction.offerExpiresAt().isAfter(now)) {
                expireOffer(acd, interaction, outcome);
            }
        }
        for (Agent agent : acd.agents()) {
            if (agent.wrapUpUntil() != null && !agent.wrapUpUntil().isAfter(now)) {
                outcome.touch(agent, "wrap-up-ended");
                agent.endWrapUp(now);
            }
        }
        for (Interaction interaction : List.copyOf(acd.interactions())) {
            overflowIfDue(acd, interaction, outcome);
        }
        return outcome;
    }

    /** Nobody accepted in time: back to its place in the queue; a single missed agent goes AWAY ("missed"). */
    private static void expireOffer(TenantAcd acd, Interaction interaction, Outcome outcome) {
        boolean single = interaction.offeredTo().size() == 1;
        for (String agentId : interaction.offeredTo()) {
            acd.agent(agentId).ifPresent(agent -> {
                Offers.decline(acd, interaction, agent, MISSED, outcome);
                if (single) {
                    // Away means no work: the agent's other pending offers go back too.
                    Offers.withdrawAll(acd, agent, MISSED, outcome);
                    agent.presence(AgentState.AWAY, MISSED, outcome.now());
                }
            });
        }
    }

    static void overflowIfDue(TenantAcd acd, Interaction interaction, Outcome outcome) {
        if (interaction.state() != InteractionState.WAITING) {
            return;
        }
        Optional<QueueConfig> queue = acd.queue(interaction.queueId());
        if (queue.isEmpty() || queue.get().maxWaitSeconds() <= 0 || queue.get().overflowQueueId() == null) {
            return;
        }
        Instant due = interaction.enqueuedAt().plusSeconds(queue.get().maxWaitSeconds());
        if (!due.isAfter(outcome.now()) && acd.queue(queue.get().overflowQueueId()).isPresent()) {
            String from = interaction.queueId();
            interaction.overflowTo(queue.get().overflowQueueId(), outcome.now());
            outcome.add(new AcdEvent.Overflowed(interaction.id(), from, interaction.queueId(), outcome.now()));
            outcome.add(new AcdEvent.Queued(interaction.id(), interaction.queueId(), outcome.now()));
        }
    }

    /** The earliest moment a tick would change something, so the grid can schedule it; empty when none. */
    static Optional<Instant> nextDeadline(TenantAcd acd, Instant now) {
        Stream<Instant> offers = acd.interactions().stream()
                .filter(i -> i.state() == InteractionState.ROUTED).map(Interaction::offerExpiresAt);
        Stream<Instant> wrapUps = acd.agents().stream().map(Agent::wrapUpUntil).filter(java.util.Objects::nonNull);
        Stream<Instant> overflows = acd.interactions().stream()
                .filter(i -> i.state() == InteractionState.WAITING)
                .flatMap(i -> acd.queue(i.queueId())
                        .filter(q -> q.maxWaitSeconds() > 0 && q.overflowQueueId() != null)
                        .map(q -> i.enqueuedAt().plusSeconds(q.maxWaitSeconds())).stream());
        Stream<Instant> relaxations = acd.interactions().stream()
                .filter(i -> i.state() == InteractionState.WAITING)
                .flatMap(i -> acd.queue(i.queueId()).filter(q -> q.relaxAfterSeconds() > 0)
                        .flatMap(q -> nextRelaxation(i, q, now)).stream());
        return Stream.of(offers, wrapUps, overflows, relaxations).flatMap(s -> s).min(Instant::compareTo);
    }

    /**
     * When the interaction's requirements next relax, if they still will (routing may then find an agent it
     * could not before). A deadline that would change nothing is no deadline: the timer would tick in vain.
     */
    private static Optional<Instant> nextRelaxation(Interaction interaction, QueueConfig queue, Instant now) {
        long waited = Math.max(0, java.time.Duration.between(interaction.createdAt(), now).toSeconds());
        long periods = 1 + waited / queue.relaxAfterSeconds();
        Instant next = interaction.createdAt().plusSeconds(periods * queue.relaxAfterSeconds());
        Skills current = queue.requirementsAfter(waited, interaction.requiredSkills());
        Skills later = queue.requirementsAfter(periods * queue.relaxAfterSeconds(), interaction.requiredSkills());
        return later.equals(current) ? Optional.empty() : Optional.of(next);
    }
}
