package io.callisto.core.acd;

import java.util.List;
import java.util.Optional;

/**
 * Where a waiting interaction stands and how long it will probably wait. The position counts the waiting
 * interactions of the same queue ahead of it in routing order (priority, then arrival). The estimate
 * spreads the work ahead over the agents staffing the queue: {@code ceil(position / staffed) x average handle
 * time}, 0 when an agent could take it now, and empty when nobody staffs the queue (no honest number).
 */
public final class QueueEstimates {
    private QueueEstimates() {
    }

    /** A waiting interaction's place in its queue (1 = next) and its estimated wait in seconds. */
    public record Estimate(int position, Optional<Long> estimatedWaitSeconds) {
    }

    public static Optional<Estimate> forWaiting(TenantAcd acd, String interactionId) {
        Interaction interaction = acd.interaction(interactionId).orElse(null);
        if (interaction == null || interaction.state() != InteractionState.WAITING) {
            return Optional.empty();
        }
        List<Interaction> queue = acd.interactions().stream()
                .filter(i -> i.state() == InteractionState.WAITING && i.queueId().equals(interaction.queueId()))
                .sorted(Dispatcher.order(acd))
                .toList();
        int position = queue.indexOf(interaction) + 1;
        return Optional.of(new Estimate(position, estimate(acd, interaction.queueId(), interaction.channel(), position)));
    }

    /** For an interaction not yet created: where it would enter the queue with this priority, and its wait. */
    public static Estimate forNew(TenantAcd acd, String queueId, Channel channel, int priority) {
        long ahead = acd.interactions().stream()
                .filter(i -> i.state() == InteractionState.WAITING && i.queueId().equals(queueId))
                .filter(i -> i.priority() >= priority)
                .count();
        int position = (int) ahead + 1;
        return new Estimate(position, estimate(acd, queueId, channel, position));
    }

    private static Optional<Long> estimate(TenantAcd acd, String queueId, Channel channel, int position) {
        List<Agent> staffing = acd.agents().stream()
                .filter(a -> a.isLoggedIn() && a.profile().queueIds().contains(queueId))
                .filter(a -> a.profile().capacity(channel) > 0)
                .toList();
        if (staffing.isEmpty()) {
            return Optional.empty();
        }
        long free = staffing.stream().filter(a -> a.canTake(channel)).count();
        if (free >= position) {
            return Optional.of(0L);
        }
        long averageHandleSeconds = Math.max(1, acd.stats(queueId).averageHandleMillis() / 1000);
        long rounds = (position - free + staffing.size() - 1) / staffing.size();
        return Optional.of(rounds * averageHandleSeconds);
    }
}
