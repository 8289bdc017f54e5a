package io.callisto.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callisto.core.acd.Channel;
import io.callisto.core.agent.AwayReason;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The small collections kept as JSON text in a varchar column (skills, queue ids, capacities, custom
 * fields, away reasons). Written in a stable order (sorted keys), so equal values give equal text.
 */
final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Integer>> INT_MAP = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, String>>> OBJECT_LIST = new TypeReference<>() {
    };

    private JsonText() {
    }

    static String ofIntMap(Map<String, Integer> map) {
        return write(new TreeMap<>(map));
    }

    static Map<String, Integer> intMap(String json) {
        return Map.copyOf(read(json, INT_MAP));
    }

    static String ofStringMap(Map<String, String> map) {
        return write(new TreeMap<>(map));
    }

    static Map<String, String> stringMap(String json) {
        return Map.copyOf(read(json, STRING_MAP));
    }

    static String ofStringSet(Set<String> set) {
        return write(new TreeSet<>(set));
    }

    static Set<String> stringSet(String json) {
        return Set.copyOf(read(json, STRING_LIST));
    }

    /** A list in its own order (allow-lists, failover hosts: the order is the admin's). */
    static String ofStringList(List<String> list) {
        return write(list);
    }

    static List<String> stringList(String json) {
        return List.copyOf(read(json, STRING_LIST));
    }

    static String ofChannelMap(Map<Channel, Integer> map) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            Integer value = map.get(channel);
            if (value != null) {
                byName.put(channel.name(), value);
            }
        }
        return write(byName);
    }

    static Map<Channel, Integer> channelMap(String json) {
        Map<Channel, Integer> map = new EnumMap<>(Channel.class);
        read(json, INT_MAP).forEach((name, value) -> map.put(Channel.valueOf(name), value));
        return Map.copyOf(map);
    }

    static String ofReasons(List<AwayReason> reasons) {
        return write(reasons.stream().map(r -> {
            Map<String, String> object = new LinkedHashMap<>();
            object.put("code", r.code());
            object.put("label", r.label());
            return object;
        }).toList());
    }

    static List<AwayReason> reasons(String json) {
        return read(json, OBJECT_LIST).stream().map(o -> new AwayReason(o.get("code"), o.get("label"))).toList();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON column", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("malformed JSON column", e);
        }
    }
}
