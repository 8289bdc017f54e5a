package io.callisto.platform.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.error.Errors;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Reads a request body as one JSON object of a given record type. Refuses, with a precise problem:
 * a non-JSON content type (415), a body over the limit (413, before reading it when Content-Length says so),
 * an empty or malformed body, unknown fields, and values of the wrong type (400). Never echoes input.
 */
public final class JsonBodies {
    private final int maxBytes;

    public JsonBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public <T> T read(ServerRequest request, Class<T> type) {
        return readWithNulls(request, type).value();
    }

    /** A body and the top-level fields it set to null explicitly (for PATCH: null clears, absent keeps). */
    public record Parsed<T>(T value, java.util.Set<String> nullFields) {
        public boolean cleared(String field) {
            return nullFields.contains(field);
        }
    }

    public <T> Parsed<T> readWithNulls(ServerRequest request, Class<T> type) {
        requireJsonContentType(request);
        byte[] body = readLimited(request);
        if (body.length == 0) {
            throw Errors.invalid("body-required", "a JSON object body is required");
        }
        try {
            JsonNode tree = Json.mapper().readTree(body);
            if (containsNul(tree)) {
                throw Errors.invalid("invalid-text", "text values must not contain NUL characters");
            }
            T value = tree == null || tree.isMissingNode() ? null : Json.mapper().treeToValue(tree, type);
            if (value == null) {
                throw Errors.invalid("body-required", "a JSON object body is required");
            }
            java.util.Set<String> nulls = new java.util.HashSet<>();
            tree.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                }
            });
            return new Parsed<>(value, java.util.Set.copyOf(nulls));
        } catch (JsonProcessingException e) {
            throw translate(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body exactly as sent, as UTF-8 text, for handlers that verify a signature over the raw bytes before
     * parsing anything (a webhook). Same size limit and content type rule as the parsed bodies.
     */
    public String readRawJson(ServerRequest request) {
        requireJsonContentType(request);
        byte[] body = readLimited(request);
        if (body.length == 0) {
            throw Errors.invalid("body-required", "a JSON object body is required");
        }
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** NUL is valid JSON but no database stores it in text; refuse it here rather than fail later. */
    private static boolean containsNul(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0;
        }
        for (JsonNode child : node) {
            if (containsNul(child)) {
                return true;
            }
        }
        java.util.Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            if (names.next().indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }

    private void requireJsonContentType(ServerRequest request) {
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("")
                .toLowerCase(Locale.ROOT);
        String mediaType = contentType.split(";", 2)[0].trim();
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new CallistoException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "send the body as application/json");
        }
    }

    private byte[] readLimited(ServerRequest request) {
        long declared = request.headers().contentLength().orElse(-1L);
        if (declared > maxBytes) {
            throw tooLarge();
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] data = in.readNBytes(maxBytes + 1);
            if (data.length > maxBytes) {
                throw tooLarge();
            }
            return data;
        } catch (IOException e) {
            throw Errors.invalid("unreadable-body", "the request body could not be read");
        }
    }

    private CallistoException tooLarge() {
        return new CallistoException(ErrorKind.PAYLOAD_TOO_LARGE, "payload-too-large",
                "the request body must be at most " + maxBytes + " bytes");
    }

    static CallistoException translate(JacksonException e) {
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            return Errors.invalid("invalid-json", "the JSON nests too deeply or holds too long a value");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return field(pathOf(unknown), "is not a known field");
        }
        if (e instanceof InvalidFormatException invalid) {
            return field(pathOf(invalid), "must be " + describe(invalid.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return field(pathOf(mismatch), "must be " + describe(mismatch.getTargetType()));
        }
        if (e instanceof MismatchedInputException) {
            return Errors.invalid("invalid-json", "the body must be a JSON object");
        }
        if (e instanceof DatabindException bind && !(bind instanceof JsonMappingException m && m.getPath().isEmpty())) {
            return field(pathOf((JsonMappingException) bind), "has an invalid value");
        }
        return Errors.invalid("invalid-json", "the body is not valid JSON");
    }

    private static CallistoException field(String path, String message) {
        return Errors.invalid(List.of(new CallistoException.FieldError(path, message)));
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of the documented type";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of the documented type";
    }
}
