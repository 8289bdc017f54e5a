package io.callisto.core.acd;

import io.callisto.core.error.Errors;
import java.time.Duration;
import java.util.List;

/** Accepting, declining and withdrawing offers. */
final class Offers {
    private Offers() {
    }

    static Interaction requireOfferedTo(TenantAcd acd, String interactionId, String agentId) {
        Interaction interaction = acd.interaction(interactionId).orElseThrow(() -> Errors.notFound("interaction"));
        if (interaction.state() != InteractionState.ROUTED || !interaction.offeredTo().contains(agentId)) {
            throw Errors.conflict("not-offered", "this interaction is not offered to this agent now");
        }
        return interaction;
    }

    static List<AcdEvent> accept(TenantAcd acd, String interactionId, String agentId, Outcome outcome) {
        Interaction interaction = requireOfferedTo(acd, interactionId, agentId);
        Agent agent = AcdEngine.requireAgent(acd, agentId);
        for (String other : interaction.offeredTo()) {
            if (!other.equals(agentId)) {
                acd.agent(other).ifPresent(o -> {
                    outcome.touch(o, "taken-by-another");
                    o.release(interaction.id());
                    outcome.add(new AcdEvent.OfferWithdrawn(interaction.id(), o.id(), "taken-by-another", outcome.now()));
                });
            }
        }
        outcome.touch(agent, "accepted");
        agent.assign(interaction.id(), interaction.channel(), Agent.Stage.CONNECTED);
        interaction.connect(agentId, outcome.now());
        long waited = Duration.between(interaction.createdAt(), outcome.now()).toMillis();
        if (!DialOut.isOutbound(interaction)) {
            // a call an agent placed and then transferred was never waiting for this queue to answer it
            acd.queue(interaction.queueId()).ifPresent(q -> acd.stats(q.id()).recordAnswered(waited,
                    q.serviceLevelSeconds()));
        }
        outcome.add(new AcdEvent.Connected(interaction.id(), agentId, interaction.queueId(), waited, outcome.now()));
        Dispatcher.dispatch(acd, outcome);
        return outcome.finish();
    }

    /** One agent will not take it: release them; back to waiting when nobody else still has it offered. */
    static void decline(TenantAcd acd, Interaction interaction, Agent agent, String reason, Outcome outcome) {
        outcome.touch(agent, reason);
        agent.release(interaction.id());
        interaction.withdrawOfferFrom(agent.id());
        interaction.markDeclinedBy(agent.id());
        if (agent.id().equals(interaction.targetAgentId())) {
            // The named agent would not or could not take it: it goes to whoever its queue finds.
            interaction.clearTarget();
        }
        outcome.add(new AcdEvent.OfferWithdrawn(interaction.id(), agent.id(), reason, outcome.now()));
        if (interaction.offeredTo().isEmpty()) {
            interaction.requeue();
        }
    }

    /** Withdraws every offer the agent holds (they went away or offline). */
    static void withdrawAll(TenantAcd acd, Agent agent, String reason, Outcome outcome) {
        List<String> offered = agent.assignments().values().stream()
                .filter(a -> a.stage() != Agent.Stage.CONNECTED).map(Agent.Assignment::interactionId).toList();
        for (String id : offered) {
            acd.interaction(id).ifPresent(i -> decline(acd, i, agent, reason, outcome));
        }
    }
}
