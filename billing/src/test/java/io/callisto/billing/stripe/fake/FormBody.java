package io.callisto.billing.stripe.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameters decoded from {@code application/x-www-form-urlencoded} text (a request body or a query string), the way
 * Stripe's v1 API receives them: flat keys with brackets, e.g. {@code line_items[0][price]}, {@code metadata[tenant_id]},
 * {@code expand[]} or {@code expand[0]}. Keys are kept exactly as sent and in the order they arrived.
 */
public final class FormBody {

    private static final Pattern INDEXED = Pattern.compile("\\[(\\d*)]");

    private final Map<String, List<String>> values;

    private FormBody(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Decodes {@code a=1&b%5Bc%5D=2}; null or blank text gives an empty body. */
    public static FormBody parse(String raw) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (raw != null && !raw.isBlank()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return new FormBody(map);
    }

    public static FormBody empty() {
        return new FormBody(new LinkedHashMap<>());
    }

    /** These parameters followed by {@code other}'s (values of a key present in both are concatenated). */
    public FormBody merge(FormBody other) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        values.forEach((k, v) -> map.put(k, new ArrayList<>(v)));
        other.values.forEach((k, v) -> map.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        return new FormBody(map);
    }

    /** All parameters, keys exactly as sent (an unmodifiable copy). */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The first value of {@code key}, or null when absent. */
    public String get(String key) {
        List<String> list = values.get(key);
        return list == null || list.isEmpty() ? null : list.getFirst();
    }

    /**
     * The sub-map below {@code prefix}: for prefix {@code metadata}, the key {@code metadata[tenant_id]} gives
     * {@code tenant_id}; for prefix {@code subscription_data[metadata]}, {@code subscription_data[metadata][plan]} gives
     * {@code plan}. Deeper keys (more brackets) are not included.
     */
    public Map<String, String> map(String prefix) {
        Map<String, String> result = new LinkedHashMap<>();
        String start = prefix + "[";
        values.forEach((key, list) -> {
            if (key.startsWith(start) && key.endsWith("]") && !list.isEmpty()) {
                String inner = key.substring(start.length(), key.length() - 1);
                if (!inner.contains("[") && !inner.contains("]")) result.put(inner, list.getFirst());
            }
        });
        return result;
    }

    /**
     * The values of a list parameter, sent as {@code name[]=a&name[]=b} or {@code name[0]=a&name[1]=b}, in the order
     * they arrived.
     */
    public List<String> list(String name) {
        List<String> result = new ArrayList<>();
        values.forEach((key, list) -> {
            if (key.startsWith(name + "[")) {
                Matcher m = INDEXED.matcher(key.substring(name.length()));
                if (m.matches()) result.addAll(list);
            }
        });
        return result;
    }

    @Override
    public String toString() {
        return values.toString();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
