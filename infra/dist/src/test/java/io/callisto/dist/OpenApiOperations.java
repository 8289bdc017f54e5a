package io.callisto.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The operations of the served OpenAPI document, with what tests need to drive every one of them
 * generically: whether it is secured, its request-body schema, a valid sample body and wrong-typed ones.
 */
final class OpenApiOperations {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final JsonNode document;

    OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    /**
     * One operation of the document. {@code foreignBody}: the body is a third party's format (a payment provider's
     * event), open to fields we do not know; {@code maxBodyBytes}: its own size limit, 0 for the API's usual one.
     */
    record Operation(String method, String path, boolean secured, JsonNode bodySchema, boolean bodyRequired,
                     boolean foreignBody, int maxBodyBytes) {
        boolean hasPathId() {
            return path.contains("{");
        }

        boolean hasBody() {
            return bodySchema != null;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        boolean securedByDefault = document.path("security").size() > 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode security = op.getValue().get("security");
                boolean secured = security == null ? securedByDefault : security.size() > 0;
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").get("schema");
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), secured,
                        schema == null ? null : resolve(schema),
                        op.getValue().path("requestBody").path("required").asBoolean(false),
                        op.getValue().path("x-callisto-foreign-body").asBoolean(false),
                        op.getValue().path("x-callisto-max-body-bytes").asInt(0)));
            }
        }
        return operations;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String[] parts = ref.asText().substring(2).split("/");
        JsonNode target = document;
        for (String part : parts) {
            target = target.path(part);
        }
        return resolve(target);
    }

    /** A body that satisfies the schema's required properties (and nothing more). */
    ObjectNode validSample(JsonNode objectSchema) {
        ObjectNode body = NODES.objectNode();
        JsonNode required = objectSchema.path("required");
        for (JsonNode name : required) {
            body.set(name.asText(), sampleValue(name.asText(), resolve(objectSchema.path("properties").path(name.asText()))));
        }
        return body;
    }

    private JsonNode sampleValue(String name, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("string");
        return switch (type) {
            case "integer" -> NODES.numberNode(schema.path("minimum").asInt(1));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sampleValue(name, resolve(schema.path("items"))));
                yield array;
            }
            case "object" -> validSample(schema);
            default -> NODES.textNode(sampleText(name, schema));
        };
    }

    private static String sampleText(String name, JsonNode schema) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("password")) {
            return "Sample-Passw0rd-" + UUID.randomUUID().toString().substring(0, 6);
        }
        if ("email".equals(schema.path("format").asText()) || lower.contains("email")) {
            return "sample-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        }
        return "sample";
    }

    /** For each property: the property name and a value of the wrong JSON type for it. */
    List<Map.Entry<String, JsonNode>> wrongTypes(JsonNode objectSchema) {
        List<Map.Entry<String, JsonNode>> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : objectSchema.path("properties").properties()) {
            JsonNode schema = resolve(property.getValue());
            String type = schema.path("type").asText("string");
            JsonNode value = switch (type) {
                case "integer", "number" -> NODES.textNode("12");
                case "boolean" -> NODES.numberNode(1);
                case "array" -> NODES.textNode("not-an-array");
                case "object" -> NODES.numberNode(7);
                default -> NODES.numberNode(12_345);
            };
            wrong.add(Map.entry(property.getKey(), value));
            if (schema.has("enum")) {
                wrong.add(Map.entry(property.getKey(), NODES.textNode("NOT_A_VALUE")));
            }
            if ("array".equals(type) && resolve(schema.path("items")).has("enum")) {
                wrong.add(Map.entry(property.getKey(), NODES.arrayNode().add("NOT_A_VALUE")));
            }
        }
        return wrong;
    }

    static JsonNode parse(byte[] json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
