package io.callisto.gateway.softphone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads the browser's messages: one JSON object with a string {@code type}; each type's fields are checked (presence,
 * type, length, form) and anything wrong is refused with a {@link SignallingException} naming the field.
 */
public final class ClientMessages {
    /** Larger frames close the connection (an SDP offer is a few KB). */
    public static final int MAX_MESSAGE = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9*#A-Da-d]{1,32}");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,32}");

    private ClientMessages() {
    }

    public static ClientMessage parse(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw new SignallingException("invalid-json", "a message is one JSON object {\"type\": ..., ...}");
        }
        if (node == null || !node.isObject()) {
            throw new SignallingException("invalid-json", "a message is one JSON object {\"type\": ..., ...}");
        }
        if (!node.path("type").isTextual()) {
            throw new SignallingException("invalid-message", "type: a string is required");
        }
        String type = node.get("type").asText();
        return switch (type) {
            case "hello" -> new ClientMessage.Hello(optionalText(node, "device", 256));
            case "state" -> new ClientMessage.SetState(text(node, "state", 16), optionalText(node, "reason", 64));
            case "answer" -> new ClientMessage.Answer(callId(node), optionalText(node, "sdp", MAX_MESSAGE));
            case "prepare" -> new ClientMessage.Prepare(callId(node), text(node, "sdp", MAX_MESSAGE));
            case "candidate" -> new ClientMessage.Candidate(callId(node), candidate(node));
            case "reject" -> new ClientMessage.Reject(callId(node));
            case "hangup" -> new ClientMessage.Hangup(callId(node));
            case "hold" -> new ClientMessage.Hold(callId(node), flag(node, "hold"));
            case "mute" -> new ClientMessage.Mute(callId(node), flag(node, "mute"));
            case "dtmf" -> new ClientMessage.Dtmf(callId(node), matching(node, "digits", DIGITS,
                    "1..32 of 0-9 * # A-D"));
            case "transfer" -> transfer(node);
            case "consult" -> new ClientMessage.Consult(callId(node), matching(node, "agentId", ID, "an agent id"));
            case "complete-transfer" -> new ClientMessage.CompleteTransfer(callId(node));
            case "cancel-consult" -> new ClientMessage.CancelConsult(callId(node));
            case "dial" -> new ClientMessage.Dial(matching(node, "number", NUMBER, "an E.164 number or digits"),
                    node.hasNonNull("from") ? matching(node, "from", NUMBER, "one of the tenant's numbers (E.164)")
                            : null,
                    node.hasNonNull("queueId") ? matching(node, "queueId", ID, "a queue id") : null);
            case "ping" -> new ClientMessage.Ping();
            default -> throw new SignallingException("unknown-type", "unknown message type '" + abbreviate(type)
                    + "' (see the softphone protocol)");
        };
    }

    private static ClientMessage transfer(JsonNode node) {
        String callId = callId(node);
        String queueId = node.hasNonNull("queueId") ? matching(node, "queueId", ID, "a queue id") : null;
        String agentId = node.hasNonNull("agentId") ? matching(node, "agentId", ID, "an agent id") : null;
        if ((queueId == null) == (agentId == null)) {
            throw new SignallingException("invalid-message", "transfer: give exactly one of queueId and agentId", callId);
        }
        return new ClientMessage.Transfer(callId, queueId, agentId);
    }

    private static String callId(JsonNode node) {
        return matching(node, "callId", ID, "a call id");
    }

    private static String candidate(JsonNode node) {
        JsonNode value = node.get("candidate");
        if (value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > 512) {
            throw new SignallingException("invalid-message", "candidate: a candidate line (at most 512 characters), "
                    + "\"\" or null");
        }
        return value.asText();
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty() || value.asText().length() > max) {
            throw new SignallingException("invalid-message", field + ": a string of 1.." + max + " characters is required");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field, int max) {
        return node.hasNonNull(field) ? text(node, field, max) : null;
    }

    private static String matching(JsonNode node, String field, Pattern pattern, String what) {
        String value = text(node, field, 64);
        if (!pattern.matcher(value).matches()) {
            throw new SignallingException("invalid-message", field + ": must be " + what);
        }
        return value;
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new SignallingException("invalid-message", field + ": true or false is required");
        }
        return value.asBoolean();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
