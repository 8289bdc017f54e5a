package io.callisto.core.acd;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Primitives of the ACD state's compact binary form ({@link TenantAcdCodec}): nullable values, maps, sets. */
final class Wire {
    private Wire() {
    }

    static void string(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String string(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    static void instant(DataOutput out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    static Instant instant(DataInput in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    static <E extends Enum<E>> void enumValue(DataOutput out, E value) throws IOException {
        out.writeByte(value == null ? -1 : value.ordinal());
    }

    static <E extends Enum<E>> E enumValue(DataInput in, Class<E> type) throws IOException {
        int ordinal = in.readByte();
        return ordinal < 0 ? null : type.getEnumConstants()[ordinal];
    }

    static void strings(DataOutput out, Set<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    static Set<String> strings(DataInput in) throws IOException {
        int size = in.readInt();
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    static void stringMap(DataOutput out, Map<String, String> values) throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<String, String> e : values.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    static Map<String, String> stringMap(DataInput in) throws IOException {
        int size = in.readInt();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            values.put(in.readUTF(), in.readUTF());
        }
        return values;
    }

    static void skills(DataOutput out, Skills skills) throws IOException {
        out.writeInt(skills.levels().size());
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(skills.levels()).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeByte(e.getValue());
        }
    }

    static Skills skills(DataInput in) throws IOException {
        int size = in.readInt();
        if (size == 0) {
            return Skills.NONE;
        }
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            levels.put(in.readUTF(), (int) in.readByte());
        }
        return new Skills(levels);
    }
}
