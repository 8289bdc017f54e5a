package io.callisto.core.ids;

import java.util.Objects;

/** The tenant an object belongs to. Passed explicitly into every service and repository call. */
public record TenantId(String value) implements java.io.Serializable {
    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("invalid tenant id");
        }
    }

    public static TenantId generate() {
        return new TenantId(Ids.next('t'));
    }

    @Override
    public String toString() {
        return value;
    }
}
