package io.callisto.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options {@code --name=value} (or {@code --name value}); every option read has a default. Options
 * nobody read are reported by {@link #requireAllUsed}, so a typo does not silently run the default.
 */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg + ": options are --name=value");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(arg.substring(2), args[++i]);
            } else {
                values.put(arg.substring(2), "true");
            }
        }
    }

    String string(String name, String defaultValue) {
        used.add(name);
        return values.getOrDefault(name, defaultValue);
    }

    int integer(String name, int defaultValue) {
        return (int) number(name, defaultValue);
    }

    long number(String name, long defaultValue) {
        String text = string(name, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not " + text, e);
        }
    }

    double decimal(String name, double defaultValue) {
        String text = string(name, null);
        try {
            return text == null ? defaultValue : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not " + text, e);
        }
    }

    boolean flag(String name, boolean defaultValue) {
        String text = string(name, null);
        return text == null ? defaultValue : Boolean.parseBoolean(text);
    }

    /** A comma-separated list of positive integers, e.g. the rate steps {@code 1000,2000,5000}. */
    List<Integer> integers(String name, String defaultValue) {
        List<Integer> list = new ArrayList<>();
        for (String part : string(name, defaultValue).split(",")) {
            if (!part.isBlank()) {
                int value = Integer.parseInt(part.trim().replace("_", ""));
                if (value < 1) {
                    throw new IllegalArgumentException("--" + name + " values must be positive");
                }
                list.add(value);
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " needs at least one value");
        }
        return list;
    }

    List<String> strings(String name, String defaultValue) {
        return Arrays.stream(string(name, defaultValue).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    void requireAllUsed() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + unknown);
        }
    }

    /** The options as given, for the report. */
    Map<String, String> given() {
        return Map.copyOf(values);
    }
}
