package io.callisto.gateway.softphone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callisto.core.agent.AgentStateService;
import io.callisto.gateway.call.BrowserAgents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gateway's messages to the browser, as JSON text (see the SDK's README). */
final class ServerMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerMessages() {
    }

    static String welcome(String agentId, AgentStateService.StateView state, List<Map<String, Object>> calls) {
        return json(Map.of("type", "welcome", "agentId", agentId, "state", stateFields(state), "calls", calls));
    }

    static String state(AgentStateService.StateView state) {
        Map<String, Object> message = new LinkedHashMap<>(stateFields(state));
        message.put("type", "state");
        return json(message);
    }

    static String state(String state, String reason) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "state");
        message.put("state", state);
        if (reason != null) {
            message.put("reason", reason);
        }
        return json(message);
    }

    private static Map<String, Object> stateFields(AgentStateService.StateView state) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("state", state.state().name());
        if (state.reason() != null) {
            fields.put("reason", state.reason());
        }
        return fields;
    }

    static String incoming(Map<String, Object> call) {
        return json(Map.of("type", "incoming", "call", call));
    }

    static String call(Map<String, Object> call) {
        return json(Map.of("type", "call", "call", call));
    }

    /** Who the call is between, as a call's fields: the caller (or the consulting agent), the number, the contact. */
    static void putParties(Map<String, Object> call, BrowserAgents.Ring ring) {
        call.put("from", ring.from() == null ? "anonymous" : ring.from());
        call.put("to", ring.to() == null ? "anonymous" : ring.to()); // the SDK takes a call's parties as strings
        if (ring.queueId() != null) {
            call.put("queueId", ring.queueId());
        }
        if (ring.contact() != null) {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("id", ring.contact().id());
            contact.put("name", ring.contact().name());
            if (ring.contact().company() != null) {
                contact.put("company", ring.contact().company());
            }
            call.put("contact", contact);
        }
    }

    static String answered(String callId, String sdp) {
        return json(Map.of("type", "answered", "callId", callId, "sdp", sdp));
    }

    /** The gateway's SDP answer to a {@code prepare}: the media connects while the call rings. */
    static String prepared(String callId, String sdp) {
        return json(Map.of("type", "prepared", "callId", callId, "sdp", sdp));
    }

    static String ended(String callId, String reason) {
        return json(Map.of("type", "ended", "callId", callId, "reason", reason));
    }

    static String error(String code, String message, String callId) {
        return error(code, message, callId, null);
    }

    /** {@code reason}: the platform's own code for a refusal it made (null: none). */
    static String error(String code, String message, String callId, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "error");
        fields.put("code", code);
        fields.put("message", message);
        if (callId != null) {
            fields.put("callId", callId);
        }
        if (reason != null) {
            fields.put("reason", reason);
        }
        return json(fields);
    }

    static String pong() {
        return "{\"type\":\"pong\"}";
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a softphone message", e);
        }
    }
}
