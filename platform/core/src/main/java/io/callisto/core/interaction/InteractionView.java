package io.callisto.core.interaction;

import io.callisto.core.acd.Channel;
import io.callisto.core.acd.ContactRef;
import io.callisto.core.acd.Interaction;
import io.callisto.core.acd.InteractionRecord;
import io.callisto.core.acd.InteractionState;
import io.callisto.core.acd.QueueEstimates;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An interaction as the API shows it, live from the ACD or finished from the history. */
public record InteractionView(String id, Channel channel, String queueId, InteractionState state, int priority,
                              String from, String subject, Map<String, String> data, ContactRef contact, String agentId,
                              List<String> offeredTo, Instant createdAt, Instant connectedAt, Instant endedAt,
                              String disposition, String notes, Integer position, Long estimatedWaitSeconds,
                              int transfers) {
    static InteractionView live(Interaction i, QueueEstimates.Estimate estimate) {
        return new InteractionView(i.id(), i.channel(), i.queueId(), i.state(), i.priority(), i.from(), i.subject(),
                i.data(), i.contact(), i.agentId(), List.copyOf(i.offeredTo()), i.createdAt(), i.connectedAt(), null,
                null, null, estimate == null ? null : estimate.position(),
                estimate == null ? null : estimate.estimatedWaitSeconds().orElse(null), i.transfers());
    }

    /** As the enqueue left it: waiting, or offered to the agents its events name. */
    static InteractionView created(io.callisto.core.acd.NewInteraction r, List<io.callisto.core.acd.AcdEvent> events) {
        List<String> offeredTo = events.stream().filter(io.callisto.core.acd.AcdEvent.Offered.class::isInstance)
                .map(io.callisto.core.acd.AcdEvent.Offered.class::cast).filter(o -> o.interactionId().equals(r.id()))
                .map(io.callisto.core.acd.AcdEvent.Offered::agentId).toList();
        Instant createdAt = events.isEmpty() ? null : events.getFirst().at();
        return new InteractionView(r.id(), r.channel(), r.queueId(),
                offeredTo.isEmpty() ? InteractionState.WAITING : InteractionState.ROUTED, r.priority(), r.from(),
                r.subject(), r.data(), r.contact(), null, offeredTo, createdAt, null, null, null, null, null, null, 0);
    }

    static InteractionView finished(InteractionRecord r) {
        ContactRef contact = r.contactId() == null ? null : new ContactRef(r.contactId(), null, null);
        return new InteractionView(r.interactionId(), r.channel(), r.queueId(), r.finalState(), r.priority(), r.from(),
                r.subject(), Map.of(), contact, r.agentId(), List.of(), r.createdAt(), r.connectedAt(), r.endedAt(),
                r.disposition(), r.notes(), null, null, r.transfers());
    }
}
