package io.callisto.core.acd;

import io.callisto.core.error.Errors;
import java.time.Instant;

/** Ending interactions: completion by the agent, abandonment by the customer. */
final class Lifecycle {
    private static final int MAX_TEXT = 4000;

    private Lifecycle() {
    }

    static Outcome complete(TenantAcd acd, String interactionId, String agentId, String disposition, String notes,
                            Outcome outcome) {
        Interaction interaction = acd.interaction(interactionId).orElseThrow(() -> Errors.notFound("interaction"));
        if (interaction.state() != InteractionState.CONNECTED || !agentId.equals(interaction.agentId())) {
            throw Errors.conflict("not-connected", "only the agent connected to this interaction can complete it");
        }
        if ((disposition != null && disposition.length() > 100) || (notes != null && notes.length() > MAX_TEXT)) {
            throw Errors.invalid("text-too-long", "disposition is at most 100 and notes at most 4000 characters");
        }
        Agent agent = AcdEngine.requireAgent(acd, agentId);
        Instant now = outcome.now();
        outcome.touch(agent, "completed");
        agent.release(interaction.id());
        QueueConfig queue = acd.queue(interaction.queueId()).orElse(null);
        int wrapUp = queue == null ? 0 : queue.wrapUpSeconds();
        agent.completed(wrapUp > 0 ? now.plusSeconds(wrapUp) : null, now);
        InteractionRecord record = end(acd, interaction, InteractionState.COMPLETED, disposition, notes, now);
        if (queue != null) {
            acd.stats(queue.id()).recordCompleted(record.handleMillis());
        }
        outcome.add(new AcdEvent.Ended(record, now));
        return outcome;
    }

    static Outcome abandon(TenantAcd acd, String interactionId, Outcome outcome) {
        Interaction interaction = acd.interaction(interactionId).orElseThrow(() -> Errors.notFound("interaction"));
        if (interaction.state() == InteractionState.CONNECTED) {
            throw Errors.conflict("already-connected", "a connected interaction is completed by its agent");
        }
        for (String agentId : interaction.offeredTo()) {
            acd.agent(agentId).ifPresent(agent -> {
                outcome.touch(agent, "abandoned");
                agent.release(interaction.id());
                outcome.add(new AcdEvent.OfferWithdrawn(interaction.id(), agentId, "abandoned", outcome.now()));
            });
        }
        acd.stats(interaction.queueId()).recordAbandoned();
        outcome.add(new AcdEvent.Ended(end(acd, interaction, InteractionState.ABANDONED, null, null, outcome.now()),
                outcome.now()));
        return outcome;
    }

    private static InteractionRecord end(TenantAcd acd, Interaction interaction, InteractionState state,
                                         String disposition, String notes, Instant now) {
        interaction.end(state);
        acd.interactionMap().remove(interaction.id());
        return new InteractionRecord(interaction.id(), interaction.channel(), interaction.queueId(),
                interaction.agentId(), state, interaction.from(), interaction.subject(), interaction.priority(),
                interaction.createdAt(), interaction.connectedAt(), now, disposition, notes);
    }
}
