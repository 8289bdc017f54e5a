package io.callisto.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration by name (CALLISTO_HTTP_PORT, STRIPE_API_KEY ...): environment variables first, then
 * Java system properties of the same name, then the configuration file (YAML, the same names as keys),
 * then the default. Invalid values stop the start with a message naming the setting.
 */
public final class Settings {
    private final Map<String, String> env;
    private final Map<String, String> file;
    private final Map<String, String> overrides = new HashMap<>();

    private Settings(Map<String, String> env, Map<String, String> file) {
        this.env = env;
        this.file = file;
    }

    public static Settings load(Map<String, String> env, Path configFile) {
        return new Settings(Map.copyOf(env), configFile == null ? Map.of() : readYaml(configFile));
    }

    /** For tests and embedding: a value that wins over every other source. */
    public Settings with(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    public Optional<String> optional(String key) {
        String value = overrides.get(key);
        if (value == null) {
            value = env.get(key);
        }
        if (value == null) {
            value = System.getProperty(key);
        }
        if (value == null) {
            value = file.get(key);
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String get(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    /** The value or null; the shape billing and other modules take. */
    public String getOrNull(String key) {
        return optional(key).orElse(null);
    }

    public int getInt(String key, int defaultValue, int min, int max) {
        String text = get(key, Integer.toString(defaultValue));
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw invalid(key, text, "an integer from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(key, text, "an integer from " + min + " to " + max);
        }
    }

    public Duration getDuration(String key, Duration defaultValue) {
        String text = get(key, defaultValue.toString());
        try {
            Duration value = Duration.parse(text);
            if (value.isNegative() || value.isZero()) {
                throw invalid(key, text, "a positive ISO-8601 duration such as PT15M");
            }
            return value;
        } catch (DateTimeParseException e) {
            throw invalid(key, text, "a positive ISO-8601 duration such as PT15M");
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(key + "=" + value + " is not valid: expected " + expected);
    }

    private static Map<String, String> readYaml(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, String> values = new HashMap<>();
            if (root != null && root.isObject()) {
                root.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
            } else if (root != null && !root.isMissingNode()) {
                throw new IllegalArgumentException("configuration file " + path + " must be a YAML mapping of names");
            }
            return values;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration file " + path + ": " + e.getMessage(), e);
        }
    }
}
