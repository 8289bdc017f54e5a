package io.callisto.persistence;

import io.callisto.core.user.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Roles as the comma-joined names stored in a varchar column (e.g. {@code ADMIN,AGENT}, in enum order). */
final class RoleCodec {
    private RoleCodec() {
    }

    static String encode(Set<Role> roles) {
        if (roles.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(roles).stream().map(Role::name).collect(Collectors.joining(","));
    }

    static Set<Role> decode(String column) {
        if (column == null || column.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(column.split(","))
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** A LIKE pattern matching the role in {@code ',' || roles || ','}; role names hold no LIKE wildcards. */
    static String containsPattern(Role role) {
        return "%," + role.name() + ",%";
    }
}
