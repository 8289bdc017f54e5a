package io.callisto.core.acd;

import io.callisto.core.error.Errors;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Skill names with levels 1 to 10: what an agent has, or what an interaction or queue requires. */
public record Skills(Map<String, Integer> levels) implements Serializable {
    public static final Skills NONE = new Skills(Map.of());
    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 10;
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_.-]{0,39}$");

    public Skills {
        levels = Map.copyOf(new TreeMap<>(levels));
    }

    /** Validated input: names lower case (letters, digits, _ . -), levels 1..10. */
    public static Skills of(Map<String, Integer> levels, String field) {
        if (levels == null) {
            return NONE;
        }
        for (Map.Entry<String, Integer> e : levels.entrySet()) {
            if (e.getKey() == null || !NAME.matcher(e.getKey()).matches()) {
                throw Errors.invalid("invalid-skill", field + ": skill names are 1-40 lower-case letters, digits, _ . -");
            }
            if (e.getValue() == null || e.getValue() < MIN_LEVEL || e.getValue() > MAX_LEVEL) {
                throw Errors.invalid("invalid-skill", field + "." + e.getKey() + ": level must be 1 to 10");
            }
        }
        return new Skills(levels);
    }

    public int level(String skill) {
        return levels.getOrDefault(skill, 0);
    }

    /** Whether these skills meet every requirement. */
    public boolean satisfies(Skills required) {
        return required.levels.entrySet().stream().allMatch(r -> level(r.getKey()) >= r.getValue());
    }

    /** Total level in the required skills: how the SKILLS strategy ranks agents. */
    public int proficiencyFor(Skills required) {
        return required.levels.keySet().stream().mapToInt(this::level).sum();
    }

    /** Requirements and another set together, keeping the higher minimum for shared skills. */
    public Skills and(Skills other) {
        Map<String, Integer> merged = new TreeMap<>(levels);
        other.levels.forEach((k, v) -> merged.merge(k, v, Math::max));
        return new Skills(merged);
    }

    /** Requirements lowered by some levels (relaxation after a wait); a requirement falling below 1 is dropped. */
    public Skills relaxedBy(int steps) {
        Map<String, Integer> relaxed = new TreeMap<>();
        levels.forEach((k, v) -> {
            if (v - steps >= MIN_LEVEL) {
                relaxed.put(k, v - steps);
            }
        });
        return new Skills(relaxed);
    }

    public boolean isEmpty() {
        return levels.isEmpty();
    }
}
