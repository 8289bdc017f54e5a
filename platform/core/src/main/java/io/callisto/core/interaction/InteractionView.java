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

    static InteractionView finished(InteractionRecord r) {
        ContactRef contact = r.contactId() == null ? null : new ContactRef(r.contactId(), null, null);
        return new InteractionView(r.interactionId(), r.channel(), r.queueId(), r.finalState(), r.priority(), r.from(),
                r.subject(), Map.of(), contact, r.agentId(), List.of(), r.createdAt(), r.connectedAt(), r.endedAt(),
                r.disposition(), r.notes(), null, null, r.transfers());
    }
}
