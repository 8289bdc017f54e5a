package io.callisto.core.acd;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One ACD operation as data, so that it can travel to where the tenant's state lives (a grid member) and
 * run there atomically. Applying a command either changes the state and returns its events or throws a
 * CallistoException having changed nothing.
 */
public sealed interface AcdCommand extends Serializable {
    List<AcdEvent> apply(TenantAcd acd, Instant now);

    record ConfigureQueue(QueueConfig queue) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.configureQueue(acd, queue, now);
        }
    }

    record RemoveQueue(String queueId) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            AcdEngine.removeQueue(acd, queueId);
            return List.of();
        }
    }

    record UpsertAgent(AgentProfile profile) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.upsertAgent(acd, profile, now);
        }
    }

    record RemoveAgent(String agentId) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            AcdEngine.removeAgent(acd, agentId);
            return List.of();
        }
    }

    /**
     * Sets the seat lease. An admin's change ({@code granted} false) is refused below the agents logged in now; a
     * lease granted from outside (paid for, or withdrawn for non-payment) always applies: agents logged in keep
     * working, and nobody else logs in while the seats in use exceed it.
     */
    record SetSeats(int seats, boolean granted) implements AcdCommand {
        public SetSeats(int seats) {
            this(seats, false);
        }

        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            if (granted) {
                AcdEngine.grantSeats(acd, seats);
            } else {
                AcdEngine.setSeats(acd, seats);
            }
            return List.of();
        }
    }

    record SetPresence(String agentId, AgentState presence, String reason) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.setPresence(acd, agentId, presence, reason, now);
        }
    }

    record FinishWrapUp(String agentId) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.finishWrapUp(acd, agentId, now);
        }
    }

    record Enqueue(NewInteraction interaction) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.enqueue(acd, interaction, now);
        }
    }

    record Ringing(String interactionId, String agentId) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.ringing(acd, interactionId, agentId, now);
        }
    }

    record Accept(String interactionId, String agentId) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.accept(acd, interactionId, agentId, now);
        }
    }

    record Reject(String interactionId, String agentId) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.reject(acd, interactionId, agentId, now);
        }
    }

    /** A refusal by the agent's device, setting them away at once: see {@link AcdEngine#rejectAndAway}. */
    record RejectAndAway(String interactionId, String agentId, String reason) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.rejectAndAway(acd, interactionId, agentId, reason, now);
        }
    }

    record Complete(String interactionId, String agentId, String disposition, String notes) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.complete(acd, interactionId, agentId, disposition, notes, now);
        }
    }

    record Abandon(String interactionId) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.abandon(acd, interactionId, now);
        }
    }

    record Transfer(String interactionId, String agentId, String toQueueId, String toAgentId) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.transfer(acd, interactionId, agentId, toQueueId, toAgentId, now);
        }
    }

    /**
     * Completes an attended transfer: {@code agentId}, connected to the interaction, has talked to {@code toAgentId}
     * and hands the customer over to them directly, without queueing or offering ({@link AcdEngine#handover}).
     */
    record Handover(String interactionId, String agentId, String toAgentId) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.handover(acd, interactionId, agentId, toAgentId, now);
        }
    }

    /** An agent places a call: see {@link AcdEngine#dialOut}. */
    record DialOut(NewInteraction interaction, String agentId) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.dialOut(acd, interaction, agentId, now);
        }
    }

    /** The customer answered the call the agent placed: see {@link AcdEngine#dialAnswered}. */
    record DialAnswered(String interactionId, String agentId) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.dialAnswered(acd, interactionId, agentId, now);
        }
    }

    /** Nobody answered the call the agent placed: see {@link AcdEngine#dialUnanswered}. */
    record DialUnanswered(String interactionId, String agentId, String disposition) implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.dialUnanswered(acd, interactionId, agentId, disposition, now);
        }
    }

    record LoadConfiguration(int seats, List<QueueConfig> queues, List<AgentProfile> agents) implements AcdCommand {
        public LoadConfiguration {
            queues = List.copyOf(queues);
            agents = List.copyOf(agents);
        }

        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.loadConfiguration(acd, seats, queues, agents, now);
        }
    }

    /**
     * Runs the command only on a state whose configuration is loaded; otherwise refuses with
     * {@link #NOT_LOADED}, and the caller loads the configuration and runs it again.
     */
    record IfLoaded(AcdCommand command) implements AcdCommand {
        public static final String NOT_LOADED = "acd-not-loaded";

        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            if (!acd.configurationLoaded()) {
                throw io.callisto.core.error.Errors.conflict(NOT_LOADED, "the tenant's configuration is not loaded");
            }
            return command.apply(acd, now);
        }
    }

    record Tick() implements AcdCommand {
        @Override
        public List<AcdEvent> apply(TenantAcd acd, Instant now) {
            return AcdEngine.tick(acd, now);
        }
    }
}
