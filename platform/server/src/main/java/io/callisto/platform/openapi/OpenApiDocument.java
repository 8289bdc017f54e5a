package io.callisto.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The API's OpenAPI 3.1 document, assembled from the platform's base document and one fragment per API
 * service (each module documents its own endpoints next to its code). Duplicate paths or schemas with
 * different content are a build error, caught at start.
 */
public final class OpenApiDocument {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode document;
    private final byte[] yaml;
    private final byte[] json;

    private OpenApiDocument(ObjectNode document) {
        this.document = document;
        try {
            this.yaml = YAML.writeValueAsBytes(document);
            this.json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges the base document with the fragments, each given as (class loader, resource name). */
    public static OpenApiDocument assemble(String baseResource, List<Map.Entry<ClassLoader, String>> fragments) {
        ObjectNode base = (ObjectNode) load(OpenApiDocument.class.getClassLoader(), baseResource);
        for (Map.Entry<ClassLoader, String> fragment : fragments) {
            JsonNode part = load(fragment.getKey(), fragment.getValue());
            mergeSection(base, part, "paths", fragment.getValue());
            JsonNode components = part.path("components");
            Iterator<Map.Entry<String, JsonNode>> sections = components.properties().iterator();
            while (sections.hasNext()) {
                Map.Entry<String, JsonNode> section = sections.next();
                ObjectNode target = base.withObjectProperty("components");
                mergeSection(target, components, section.getKey(), fragment.getValue());
            }
        }
        return new OpenApiDocument(base);
    }

    private static void mergeSection(ObjectNode target, JsonNode source, String section, String origin) {
        JsonNode from = source.path(section);
        if (from.isMissingNode()) {
            return;
        }
        ObjectNode into = target.withObjectProperty(section);
        for (Map.Entry<String, JsonNode> entry : from.properties()) {
            JsonNode existing = into.get(entry.getKey());
            if (existing != null && !existing.equals(entry.getValue())) {
                throw new IllegalStateException(origin + " redefines " + section + "/" + entry.getKey());
            }
            into.set(entry.getKey(), entry.getValue());
        }
    }

    private static JsonNode load(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI resource missing: " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable OpenAPI resource " + resource, e);
        }
    }

    public byte[] yaml() {
        return yaml.clone();
    }

    public byte[] json() {
        return json.clone();
    }
}
