package io.callisto.core.acd;

import io.callisto.core.error.Errors;
import java.time.Instant;
import java.util.List;

/**
 * The ACD's operations on one tenant's state. Every operation validates, changes the state, routes what
 * can be routed, and returns the events; a refused operation throws before changing anything. The
 * engine keeps no state of its own and reads no clock: {@code now} is passed in, so the grid (or a test)
 * decides time.
 */
public final class AcdEngine {
    private AcdEngine() {
    }

    // ---- configuration --------------------------------------------------------------------------

    public static List<AcdEvent> configureQueue(TenantAcd acd, QueueConfig queue, Instant now) {
        if (queue.overflowQueueId() != null && !acd.queueMap().containsKey(queue.overflowQueueId())
                && !queue.overflowQueueId().equals(queue.id())) {
            throw Errors.invalid("unknown-overflow-queue", "overflowQueueId names no queue of this tenant");
        }
        requireNoOverflowCycle(acd, queue);
        acd.queueMap().put(queue.id(), queue);
        return route(acd, new Outcome(now));
    }

    private static void requireNoOverflowCycle(TenantAcd acd, QueueConfig queue) {
        java.util.Set<String> seen = new java.util.HashSet<>(java.util.Set.of(queue.id()));
        String next = queue.overflowQueueId();
        while (next != null) {
            if (!seen.add(next)) {
                throw Errors.invalid("overflow-cycle", "overflowQueueId would make interactions overflow in a circle");
            }
            next = acd.queue(next).map(QueueConfig::overflowQueueId).orElse(null);
        }
    }

    public static void removeQueue(TenantAcd acd, String queueId) {
        if (acd.interactions().stream().anyMatch(i -> i.queueId().equals(queueId))) {
            throw Errors.conflict("queue-not-empty", "the queue still has interactions; wait for them to end");
        }
        if (acd.queues().stream().anyMatch(q -> queueId.equals(q.overflowQueueId()) && !q.id().equals(queueId))) {
            throw Errors.conflict("queue-in-use", "another queue overflows into this one");
        }
        acd.queueMap().remove(queueId);
        acd.forgetQueue(queueId);
    }

    public static List<AcdEvent> upsertAgent(TenantAcd acd, AgentProfile profile, Instant now) {
        Agent agent = acd.agentMap().get(profile.agentId());
        if (agent == null) {
            acd.agentMap().put(profile.agentId(), new Agent(profile, now));
        } else {
            agent.profile(profile);
        }
        return route(acd, new Outcome(now));
    }

    public static void removeAgent(TenantAcd acd, String agentId) {
        Agent agent = requireAgent(acd, agentId);
        if (agent.isLoggedIn()) {
            throw Errors.conflict("agent-logged-in", "log the agent out first");
        }
        acd.agentMap().remove(agentId);
    }

    /** Changes the seat lease; lowering it below the agents logged in now is refused. */
    public static void setSeats(TenantAcd acd, int seats) {
        if (seats < 0) {
            throw Errors.invalid("invalid-seats", "seats must not be negative");
        }
        if (seats < acd.seatsInUse()) {
            throw Errors.conflict("seats-in-use", acd.seatsInUse() + " agents are logged in; log some out first");
        }
        acd.seatsLeased(seats);
    }

    /** Sets the lease even below the seats in use (see {@link AcdCommand.SetSeats}). */
    public static void grantSeats(TenantAcd acd, int seats) {
        if (seats < 0) {
            throw Errors.invalid("invalid-seats", "seats must not be negative");
        }
        acd.seatsLeased(seats);
    }

    // ---- agents ------------------------------------------------------------------------------------

    /** The agent sets their presence: OFFLINE, AVAILABLE or AWAY (with a reason). */
    public static List<AcdEvent> setPresence(TenantAcd acd, String agentId, AgentState presence, String reason,
                                             Instant now) {
        if (!presence.isPresence()) {
            throw Errors.invalid("invalid-state", "an agent can set only OFFLINE, AVAILABLE or AWAY");
        }
        Agent agent = requireAgent(acd, agentId);
        if (!agent.isLoggedIn() && presence != AgentState.OFFLINE && acd.seatsInUse() >= acd.seatsLeased()) {
            throw Errors.conflict("seat-limit-reached", "all " + acd.seatsLeased() + " leased seats are in use");
        }
        if (presence == AgentState.OFFLINE && agent.assignments().values().stream()
                .anyMatch(a -> a.stage() != Agent.Stage.OFFERED)) {
            throw Errors.conflict("agent-busy", "finish the interactions in progress before logging out");
        }
        Outcome outcome = new Outcome(now);
        outcome.touch(agent, presence == AgentState.AWAY ? reason : "agent");
        if (presence != AgentState.AVAILABLE) {
            leave(acd, agent, outcome);
        }
        if (presence == AgentState.OFFLINE) {
            agent.endWrapUp(now);
        }
        agent.presence(presence, reason, now);
        return route(acd, outcome);
    }

    /** Offers the agent holds are withdrawn; transfers waiting for them go to their queue instead. */
    private static void leave(TenantAcd acd, Agent agent, Outcome outcome) {
        Offers.withdrawAll(acd, agent, "agent-unavailable", outcome);
        acd.interactions().stream().filter(i -> agent.id().equals(i.targetAgentId())).forEach(Interaction::clearTarget);
    }

    /** The agent is done with wrap-up before its time is up. */
    public static List<AcdEvent> finishWrapUp(TenantAcd acd, String agentId, Instant now) {
        Agent agent = requireAgent(acd, agentId);
        Outcome outcome = new Outcome(now);
        outcome.touch(agent, "wrap-up-done");
        agent.endWrapUp(now);
        return route(acd, outcome);
    }

    // ---- interactions ------------------------------------------------------------------------------

    /** A new interaction names one of the tenant's queues and an id no interaction has. */
    static void requireNewInQueue(TenantAcd acd, NewInteraction request) {
        if (acd.queue(request.queueId()).isEmpty()) {
            throw Errors.notFound("queue");
        }
        if (acd.interactionMap().containsKey(request.id())) {
            throw Errors.conflict("duplicate-interaction", "an interaction with this id exists");
        }
    }

    public static List<AcdEvent> enqueue(TenantAcd acd, NewInteraction request, Instant now) {
        requireNewInQueue(acd, request);
        Interaction interaction = new Interaction(request, acd.nextSequence(), now);
        acd.interactionMap().put(interaction.id(), interaction);
        Outcome outcome = new Outcome(now);
        outcome.add(new AcdEvent.Queued(interaction.id(), interaction.queueId(), now));
        return route(acd, outcome);
    }

    /** The gateway rings the agent's phone for an offered voice call. */
    public static List<AcdEvent> ringing(TenantAcd acd, String interactionId, String agentId, Instant now) {
        Interaction interaction = Offers.requireOfferedTo(acd, interactionId, agentId);
        Agent agent = requireAgent(acd, agentId);
        Outcome outcome = new Outcome(now);
        outcome.touch(agent, "ringing");
        agent.assign(interaction.id(), interaction.channel(), Agent.Stage.RINGING);
        return outcome.finish();
    }

    public static List<AcdEvent> accept(TenantAcd acd, String interactionId, String agentId, Instant now) {
        return Offers.accept(acd, interactionId, agentId, new Outcome(now));
    }

    public static List<AcdEvent> reject(TenantAcd acd, String interactionId, String agentId, Instant now) {
        Outcome outcome = new Outcome(now);
        Offers.decline(acd, Offers.requireOfferedTo(acd, interactionId, agentId), requireAgent(acd, agentId),
                "rejected", outcome);
        return route(acd, outcome);
    }

    /**
     * The agent's device refused or could not take the offer (busy, declined, unreachable): the offer is declined and
     * the agent set away with {@code reason} in one step, so that the interaction is not offered to them again in
     * between (as a reject followed by a presence change would allow).
     */
    public static List<AcdEvent> rejectAndAway(TenantAcd acd, String interactionId, String agentId, String reason,
                                               Instant now) {
        Outcome outcome = new Outcome(now);
        Agent agent = requireAgent(acd, agentId);
        Offers.decline(acd, Offers.requireOfferedTo(acd, interactionId, agentId), agent, "rejected", outcome);
        outcome.touch(agent, reason);
        leave(acd, agent, outcome);
        agent.presence(AgentState.AWAY, reason, now);
        return route(acd, outcome);
    }

    /**
     * The connected agent completes the interaction (into the queue's wrap-up). An interaction that has already
     * ended (the caller hung up) is completed by its agent afterwards: that records its disposition and notes and
     * ends the agent's wrap-up. See {@link Lifecycle#disposition}.
     */
    public static List<AcdEvent> complete(TenantAcd acd, String interactionId, String agentId, String disposition,
                                          String notes, Instant now) {
        Outcome outcome = new Outcome(now);
        if (acd.interaction(interactionId).isEmpty()) {
            return route(acd, Lifecycle.disposition(acd, interactionId, agentId, disposition, notes, outcome));
        }
        return route(acd, Lifecycle.complete(acd, interactionId, agentId, disposition, notes, outcome));
    }

    /**
     * The connected agent hands the interaction on, to another queue or to a named agent (who must be logged
     * in). The agent is released into the queue's wrap-up; the interaction keeps its id, customer and priority
     * and waits again, first in line among its priority (its original sequence).
     */
    public static List<AcdEvent> transfer(TenantAcd acd, String interactionId, String agentId, String toQueueId,
                                          String toAgentId, Instant now) {
        return route(acd, Lifecycle.transfer(acd, interactionId, agentId, toQueueId, toAgentId, new Outcome(now)));
    }

    /**
     * The completion of an attended transfer: the connected agent hands the interaction straight to another agent
     * they have consulted, who holds it connected at once (no queueing, no offer). See {@link Lifecycle#handover}.
     */
    public static List<AcdEvent> handover(TenantAcd acd, String interactionId, String agentId, String toAgentId,
                                          Instant now) {
        return route(acd, Lifecycle.handover(acd, interactionId, agentId, toAgentId, new Outcome(now)));
    }

    /**
     * The agent places a call: an interaction connected to them at once, in {@code request}'s queue. See
     * {@link DialOut}.
     */
    public static List<AcdEvent> dialOut(TenantAcd acd, NewInteraction request, String agentId, Instant now) {
        return route(acd, DialOut.start(acd, request, agentId, new Outcome(now)));
    }

    /** The customer answered the call the agent placed: see {@link DialOut#answered}. */
    public static List<AcdEvent> dialAnswered(TenantAcd acd, String interactionId, String agentId, Instant now) {
        return DialOut.answered(acd, interactionId, agentId, new Outcome(now)).finish();
    }

    /** The call the agent placed ended before anyone answered: UNANSWERED with {@code disposition}, no wrap-up. */
    public static List<AcdEvent> dialUnanswered(TenantAcd acd, String interactionId, String agentId, String disposition,
                                                Instant now) {
        return route(acd, DialOut.unanswered(acd, interactionId, agentId, disposition, new Outcome(now)));
    }

    /** The queue an agent's call is placed for when they name none: the first they serve, else the tenant's first. */
    public static java.util.Optional<String> dialQueue(TenantAcd acd, String agentId) {
        return DialOut.defaultQueue(acd, agentId);
    }

    /**
     * Loads a tenant's stored configuration into a state that has none yet (a new tenant, or a grid started
     * from nothing); a state already loaded is left as it is, so racing loaders are harmless.
     */
    public static List<AcdEvent> loadConfiguration(TenantAcd acd, int seats, java.util.List<QueueConfig> queues,
                                                   java.util.List<AgentProfile> agents, Instant now) {
        if (acd.configurationLoaded()) {
            return List.of();
        }
        for (QueueConfig queue : overflowTargetsFirst(queues)) {
            acd.queueMap().put(queue.id(), queue);
        }
        for (AgentProfile agent : agents) {
            acd.agentMap().putIfAbsent(agent.agentId(), new Agent(agent, now));
        }
        acd.seatsLeased(Math.max(seats, acd.seatsInUse()));
        acd.configurationLoaded(true);
        return List.of();
    }

    /** Queues ordered so that each one's overflow target comes before it (as configuring them one by one needs). */
    public static List<QueueConfig> overflowTargetsFirst(java.util.List<QueueConfig> queues) {
        java.util.Map<String, QueueConfig> pending = new java.util.LinkedHashMap<>();
        queues.forEach(q -> pending.put(q.id(), q));
        List<QueueConfig> ordered = new java.util.ArrayList<>();
        while (!pending.isEmpty()) {
            QueueConfig ready = pending.values().stream()
                    .filter(q -> q.overflowQueueId() == null || !pending.containsKey(q.overflowQueueId())
                            || q.overflowQueueId().equals(q.id()))
                    .findFirst()
                    .orElseThrow(() -> Errors.invalid("overflow-cycle", "stored queues overflow in a circle"));
            ordered.add(ready);
            pending.remove(ready.id());
        }
        return ordered;
    }

    /** The customer left (hung up, closed the chat) before or while being served. */
    public static List<AcdEvent> abandon(TenantAcd acd, String interactionId, Instant now) {
        return route(acd, Lifecycle.abandon(acd, interactionId, new Outcome(now)));
    }

    /** Applies every deadline due by now (offer timeouts, wrap-up ends, max waits), then routes. */
    public static List<AcdEvent> tick(TenantAcd acd, Instant now) {
        // Recorded so that the stored state, and with it the grid's deadline index, changes on every tick.
        acd.lastTick(now);
        return route(acd, Timers.applyDue(acd, new Outcome(now)));
    }

    /** The earliest moment {@link #tick} would change something; the grid schedules its timer by it. */
    public static java.util.Optional<Instant> nextDeadline(TenantAcd acd, Instant now) {
        return Timers.nextDeadline(acd, now);
    }

    static Agent requireAgent(TenantAcd acd, String agentId) {
        return acd.agent(agentId).orElseThrow(() -> Errors.notFound("agent"));
    }

    private static List<AcdEvent> route(TenantAcd acd, Outcome outcome) {
        Dispatcher.dispatch(acd, outcome);
        return outcome.finish();
    }
}
