package io.callisto.platform.events;

import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.InteractionRecord;
import io.callisto.core.ids.TenantId;
import io.callisto.platform.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The events WebSocket's wire format: {@code {type, tenantId, at, data}}, documented in the OpenAPI document. */
final class EventMessages {
    private EventMessages() {
    }

    static String of(TenantId tenant, String type, Instant at, Object data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("tenantId", tenant.value());
        message.put("at", at);
        message.put("data", data);
        return new String(Json.bytes(message), StandardCharsets.UTF_8);
    }

    static String of(TenantId tenant, AcdEvent event) {
        return of(tenant, type(event), event.at(), data(event));
    }

    static String type(AcdEvent event) {
        return switch (event) {
            case AcdEvent.Offered e -> "interaction.offered";
            case AcdEvent.OfferWithdrawn e -> "interaction.offer_withdrawn";
            case AcdEvent.AgentStateChanged e -> "agent.state_changed";
            case AcdEvent.Queued e -> "interaction.queued";
            case AcdEvent.Connected e -> "interaction.connected";
            case AcdEvent.Overflowed e -> "interaction.overflowed";
            case AcdEvent.Transferred e -> "interaction.transferred";
            case AcdEvent.Ended e -> "interaction.ended";
            case AcdEvent.Dispositioned e -> "interaction.dispositioned";
        };
    }

    private static Object data(AcdEvent event) {
        Map<String, Object> d = new LinkedHashMap<>();
        switch (event) {
            case AcdEvent.Offered e -> {
                d.put("interactionId", e.interactionId());
                d.put("agentId", e.agentId());
                d.put("queueId", e.queueId());
                d.put("expiresAt", e.expiresAt());
                d.put("interaction", e.interaction());
                d.put("contact", e.interaction() == null ? null : e.interaction().contact());
            }
            case AcdEvent.OfferWithdrawn e -> {
                d.put("interactionId", e.interactionId());
                d.put("agentId", e.agentId());
                d.put("reason", e.reason());
            }
            case AcdEvent.AgentStateChanged e -> {
                d.put("agentId", e.agentId());
                d.put("from", e.from());
                d.put("to", e.to());
                d.put("reason", e.reason());
            }
            case AcdEvent.Queued e -> {
                d.put("interactionId", e.interactionId());
                d.put("queueId", e.queueId());
            }
            case AcdEvent.Connected e -> {
                d.put("interactionId", e.interactionId());
                d.put("agentId", e.agentId());
                d.put("queueId", e.queueId());
                d.put("waitedSeconds", e.waitedMillis() / 1000.0);
            }
            case AcdEvent.Overflowed e -> {
                d.put("interactionId", e.interactionId());
                d.put("fromQueueId", e.fromQueueId());
                d.put("toQueueId", e.toQueueId());
            }
            case AcdEvent.Transferred e -> {
                d.put("interactionId", e.interactionId());
                d.put("fromAgentId", e.fromAgentId());
                d.put("toQueueId", e.toQueueId());
                d.put("toAgentId", e.toAgentId());
            }
            case AcdEvent.Ended e -> d.put("interaction", ended(e.record()));
            case AcdEvent.Dispositioned e -> d.put("interaction", ended(e.record()));
        }
        return d;
    }

    private static Map<String, Object> ended(InteractionRecord r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", r.interactionId());
        d.put("channel", r.channel());
        d.put("queueId", r.queueId());
        d.put("agentId", r.agentId());
        d.put("state", r.finalState());
        d.put("from", r.from());
        d.put("subject", r.subject());
        d.put("createdAt", r.createdAt());
        d.put("connectedAt", r.connectedAt());
        d.put("endedAt", r.endedAt());
        d.put("disposition", r.disposition());
        d.put("notes", r.notes());
        d.put("contactId", r.contactId());
        return d;
    }
}
