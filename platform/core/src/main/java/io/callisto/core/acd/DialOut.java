package io.callisto.core.acd;

import io.callisto.core.error.Errors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls an agent places. A dialled call is an interaction from the moment the agent dials: connected to them at once
 * (no queueing, no offer), in the queue it is placed for, so that it can be transferred, consulted on, recorded by
 * that queue's rule and wrapped up like any call the ACD delivered. Its {@code from} is the customer's number and its
 * data says {@code direction=outbound} (only voice interactions, which only the gateway makes, count as dialled). Its
 * time starts when the customer answers ({@link #answered}); it counts in no queue's answered, abandoned or
 * handle-time figures, the queue never having received it. A call nobody answered ends UNANSWERED, its disposition
 * what the network said: no wrap-up, not counted as handled, not billed.
 */
final class DialOut {
    /** The interaction data key that marks a call the agent placed, and its value. */
    static final String DIRECTION = "direction";
    static final String OUTBOUND = "outbound";

    private DialOut() {
    }

    static boolean isOutbound(Interaction interaction) {
        return interaction.channel() == Channel.VOICE && OUTBOUND.equals(interaction.data().get(DIRECTION));
    }

    /**
     * The agent dials: they must be logged in (AVAILABLE or AWAY), past their wrap-up (whose disposition the last call
     * still awaits) and not on a voice call; offers waiting for them are withdrawn, since they are busy now.
     */
    static Outcome start(TenantAcd acd, NewInteraction request, String agentId, Outcome outcome) {
        if (request.channel() != Channel.VOICE) {
            throw Errors.invalid("invalid-channel", "only voice calls are dialled");
        }
        AcdEngine.requireNewInQueue(acd, request);
        Agent agent = AcdEngine.requireAgent(acd, agentId);
        if (!agent.isLoggedIn()) {
            throw Errors.conflict("agent-offline", "the agent is offline: go Available or Away to place calls");
        }
        long onVoice = agent.assignments().values().stream()
                .filter(a -> a.channel() == Channel.VOICE && a.stage() == Agent.Stage.CONNECTED).count();
        if (onVoice >= agent.profile().capacity(Channel.VOICE)) {
            throw Errors.conflict("agent-busy", "the agent is on a call already");
        }
        if (agent.inWrapUp()) {
            throw Errors.conflict("agent-wrapping-up", "finish the wrap-up of the last call (save or skip it) first");
        }
        Map<String, String> data = new HashMap<>(request.data());
        data.put(DIRECTION, OUTBOUND);
        Interaction interaction = new Interaction(new NewInteraction(request.id(), Channel.VOICE, request.queueId(),
                request.priority(), request.requiredSkills(), request.from(), request.subject(), data,
                request.contact()), acd.nextSequence(), outcome.now());
        Offers.withdrawAll(acd, agent, "dialing-out", outcome);
        outcome.touch(agent, "dialing-out");
        acd.interactionMap().put(interaction.id(), interaction);
        interaction.connect(agentId, outcome.now());
        agent.assign(interaction.id(), Channel.VOICE, Agent.Stage.CONNECTED);
        outcome.add(new AcdEvent.Connected(interaction.id(), agentId, interaction.queueId(), 0, outcome.now()));
        return outcome;
    }

    /** The customer answered the call {@code agentId} placed: its time starts now. */
    static Outcome answered(TenantAcd acd, String interactionId, String agentId, Outcome outcome) {
        Interaction interaction = requireDialledBy(acd, interactionId, agentId);
        interaction.customerAnswered(outcome.now());
        return outcome;
    }

    /**
     * The call the agent placed was not answered (busy, no answer, failed, or the agent gave up): it ends UNANSWERED
     * with that {@code disposition}; the agent is free at once, and a disposition their last call awaits still does.
     */
    static Outcome unanswered(TenantAcd acd, String interactionId, String agentId, String disposition, Outcome outcome) {
        Interaction interaction = requireDialledBy(acd, interactionId, agentId);
        Lifecycle.requireShortTexts(disposition, null);
        Agent agent = AcdEngine.requireAgent(acd, agentId);
        outcome.touch(agent, "unanswered");
        agent.release(interaction.id());
        agent.freed(outcome.now());
        outcome.add(new AcdEvent.Ended(Lifecycle.end(acd, interaction, InteractionState.UNANSWERED, disposition, null,
                outcome.now()), outcome.now()));
        return outcome;
    }

    private static Interaction requireDialledBy(TenantAcd acd, String interactionId, String agentId) {
        Interaction interaction = acd.interaction(interactionId).orElseThrow(() -> Errors.notFound("interaction"));
        if (!isOutbound(interaction)) {
            throw Errors.conflict("not-outbound", "only a call the agent placed is answered or ends unanswered this way");
        }
        if (interaction.state() != InteractionState.CONNECTED || !agentId.equals(interaction.agentId())) {
            throw Errors.conflict("not-connected", "the call is not the agent's now");
        }
        return interaction;
    }

    /** The queue a call of this agent is placed for by default: the first of theirs, else the tenant's, by id. */
    static java.util.Optional<String> defaultQueue(TenantAcd acd, String agentId) {
        List<String> own = acd.agent(agentId).map(a -> a.profile().queueIds().stream().sorted().toList())
                .orElse(List.of());
        return own.isEmpty() ? acd.queues().stream().map(QueueConfig::id).sorted().findFirst()
                : java.util.Optional.of(own.getFirst());
    }
}
