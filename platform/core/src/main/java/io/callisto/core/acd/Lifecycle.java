package io.callisto.core.acd;

import io.callisto.core.error.Errors;
import java.time.Duration;
import java.time.Instant;

/** Ending or handing on interactions: completion and transfer by the agent, abandonment by the customer. */
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
        requireShortTexts(disposition, notes);
        Agent agent = AcdEngine.requireAgent(acd, agentId);
        Instant now = outcome.now();
        outcome.touch(agent, "completed");
        agent.release(interaction.id());
        QueueConfig queue = acd.queue(interaction.queueId()).orElse(null);
        int wrapUp = queue == null ? 0 : queue.wrapUpSeconds();
        agent.completed(wrapUp > 0 ? now.plusSeconds(wrapUp) : null, now);
        InteractionRecord record = end(acd, interaction, InteractionState.COMPLETED, disposition, notes, now);
        agent.lastEnded(record);
        if (queue != null && !DialOut.isOutbound(interaction)) {
            acd.stats(queue.id()).recordCompleted(record.handleMillis());
        }
        outcome.add(new AcdEvent.Ended(record, now));
        return outcome;
    }

    /**
     * The agent completes, during wrap-up, an interaction that ended without a disposition: it records the
     * disposition and notes given (if any) on the finished record and ends the wrap-up. Only the agent's last ended
     * interaction, and only once; anything else is not theirs to complete (404) or not connected (409).
     */
    static Outcome disposition(TenantAcd acd, String interactionId, String agentId, String disposition, String notes,
                               Outcome outcome) {
        Agent agent = acd.agent(agentId).orElseThrow(() -> Errors.notFound("interaction"));
        InteractionRecord ended = agent.awaitingDisposition(interactionId).orElseThrow(() -> Errors.conflict(
                "not-connected", "only the agent connected to this interaction can complete it"));
        requireShortTexts(disposition, notes);
        agent.dispositionRecorded();
        if (disposition != null || notes != null) {
            InteractionRecord record = new InteractionRecord(ended.interactionId(), ended.channel(), ended.queueId(),
                    ended.agentId(), ended.finalState(), ended.from(), ended.subject(), ended.priority(),
                    ended.createdAt(), ended.connectedAt(), ended.endedAt(), disposition, notes, ended.contactId(),
                    ended.transfers());
            outcome.add(new AcdEvent.Dispositioned(record, outcome.now()));
        }
        if (agent.inWrapUp()) {
            outcome.touch(agent, "wrap-up-done");
            agent.endWrapUp(outcome.now());
        }
        return outcome;
    }

    static void requireShortTexts(String disposition, String notes) {
        if ((disposition != null && disposition.length() > 100) || (notes != null && notes.length() > MAX_TEXT)) {
            throw Errors.invalid("text-too-long", "disposition is at most 100 and notes at most 4000 characters");
        }
    }

    static Outcome transfer(TenantAcd acd, String interactionId, String agentId, String toQueueId, String toAgentId,
                            Outcome outcome) {
        Interaction interaction = acd.interaction(interactionId).orElseThrow(() -> Errors.notFound("interaction"));
        if (interaction.state() != InteractionState.CONNECTED || !agentId.equals(interaction.agentId())) {
            throw Errors.conflict("not-connected", "only the agent connected to this interaction can transfer it");
        }
        if ((toQueueId == null) == (toAgentId == null)) {
            throw Errors.invalid("invalid-transfer", "name exactly one of queueId and agentId");
        }
        String queueId = toQueueId != null ? toQueueId : interaction.queueId();
        if (acd.queue(queueId).isEmpty()) {
            throw Errors.notFound("queue");
        }
        if (toAgentId != null) {
            Agent target = acd.agent(toAgentId).orElseThrow(() -> Errors.notFound("agent"));
            if (toAgentId.equals(agentId)) {
                throw Errors.invalid("invalid-transfer", "an agent cannot transfer to themselves");
            }
            if (!target.isLoggedIn() || target.presence() != AgentState.AVAILABLE) {
                throw Errors.conflict("agent-unavailable", "the agent is not available");
            }
        }
        Instant now = outcome.now();
        releaseTransferring(acd, interaction, AcdEngine.requireAgent(acd, agentId), outcome);
        interaction.transferTo(queueId, toAgentId, now);
        outcome.add(new AcdEvent.Transferred(interaction.id(), agentId, queueId, toAgentId, now));
        outcome.add(new AcdEvent.Queued(interaction.id(), queueId, now));
        return outcome;
    }

    /**
     * The completion of an attended transfer: the connected agent has consulted another agent (outside the ACD) and
     * now hands the customer over to them directly, with no queueing and no offer. The other agent must be logged in
     * (AWAY will do: a supervisor taking a call; so will wrap-up, which only holds back routing) and have room for the
     * interaction's channel by the capacity routing counts ({@link Agent#hasRoomFor}: offers and rings count too).
     * The first agent is released as by a transfer; the second holds the interaction connected, as if offered it and
     * accepted, and it keeps its queue and its connectedAt. The events are a transfer's Transferred and an accept's
     * Connected; the queue's answered count is not touched (the customer was answered once already, and a transfer
     * counts nowhere in the queue's stats).
     */
    static Outcome handover(TenantAcd acd, String interactionId, String agentId, String toAgentId, Outcome outcome) {
        Interaction interaction = acd.interaction(interactionId).orElseThrow(() -> Errors.notFound("interaction"));
        if (interaction.state() != InteractionState.CONNECTED || !agentId.equals(interaction.agentId())) {
            throw Errors.conflict("not-connected", "only the agent connected to this interaction can hand it over");
        }
        Agent target = acd.agent(toAgentId).orElseThrow(() -> Errors.notFound("agent"));
        if (toAgentId.equals(agentId)) {
            throw Errors.invalid("invalid-transfer", "an agent cannot hand an interaction over to themselves");
        }
        if (!target.isLoggedIn()) {
            throw Errors.conflict("agent-unavailable", "the agent is not logged in");
        }
        if (!target.hasRoomFor(interaction.channel())) {
            throw Errors.conflict("agent-busy", "the agent has no room for another " + interaction.channel()
                    + " interaction");
        }
        Instant now = outcome.now();
        releaseTransferring(acd, interaction, AcdEngine.requireAgent(acd, agentId), outcome);
        outcome.touch(target, "handover");
        target.assign(interaction.id(), interaction.channel(), Agent.Stage.CONNECTED);
        interaction.handOverTo(toAgentId);
        long waited = Duration.between(interaction.createdAt(), now).toMillis();
        outcome.add(new AcdEvent.Transferred(interaction.id(), agentId, interaction.queueId(), toAgentId, now));
        outcome.add(new AcdEvent.Connected(interaction.id(), toAgentId, interaction.queueId(), waited, now));
        return outcome;
    }

    /** The agent handing a connected interaction on lets go of it, into the wrap-up of the queue it came from. */
    private static void releaseTransferring(TenantAcd acd, Interaction interaction, Agent agent, Outcome outcome) {
        Instant now = outcome.now();
        outcome.touch(agent, "transferred");
        agent.release(interaction.id());
        QueueConfig from = acd.queue(interaction.queueId()).orElse(null);
        int wrapUp = from == null ? 0 : from.wrapUpSeconds();
        agent.completed(wrapUp > 0 ? now.plusSeconds(wrapUp) : null, now);
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
        if (!DialOut.isOutbound(interaction)) {
            // a call an agent placed, transferred to this queue and hung up while waiting, never came to the queue
            acd.stats(interaction.queueId()).recordAbandoned();
        }
        outcome.add(new AcdEvent.Ended(end(acd, interaction, InteractionState.ABANDONED, null, null, outcome.now()),
                outcome.now()));
        return outcome;
    }

    static InteractionRecord end(TenantAcd acd, Interaction interaction, InteractionState state,
                                         String disposition, String notes, Instant now) {
        interaction.end(state);
        acd.interactionMap().remove(interaction.id());
        return new InteractionRecord(interaction.id(), interaction.channel(), interaction.queueId(),
                interaction.agentId(), state, interaction.from(), interaction.subject(), interaction.priority(),
                interaction.createdAt(), interaction.connectedAt(), now, disposition, notes,
                interaction.contact() == null ? null : interaction.contact().id(), interaction.transfers());
    }
}
