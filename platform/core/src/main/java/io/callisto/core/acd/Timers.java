package io.callisto.core.acd;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /**
     * The earliest moment a tick would change something, so the grid can schedule it; empty when none. Plain
     * loops: the grid computes this on every command.
     */
    static Optional<Instant> nextDeadline(TenantAcd acd, Instant now) {
        Instant earliest = null;
        for (Interaction i : acd.interactions()) {
            if (i.state() == InteractionState.ROUTED) {
                earliest = min(earliest, i.offerExpiresAt());
            } else if (i.state() == InteractionState.WAITING) {
                QueueConfig q = acd.queue(i.queueId()).orElse(null);
                if (q != null && q.maxWaitSeconds() > 0 && q.overflowQueueId() != null) {
                    earliest = min(earliest, i.enqueuedAt().plusSeconds(q.maxWaitSeconds()));
                }
                if (q != null && q.relaxAfterSeconds() > 0) {
                    earliest = min(earliest, nextRelaxation(i, q, now).orElse(null));
                }
            }
        }
        for (Agent agent : acd.agents()) {
            earliest = min(earliest, agent.wrapUpUntil());
        }
        return Optional.ofNullable(earliest);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
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
