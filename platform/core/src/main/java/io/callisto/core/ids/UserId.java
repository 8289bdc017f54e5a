package io.callisto.core.ids;

import java.util.Objects;

public record UserId(String value) implements java.io.Serializable {
    public UserId {
        Objects.requireNonNull(value, "user id");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("invalid user id");
        }
    }

    public static UserId generate() {
        return new UserId(Ids.next('u'));
    }

    @Override
    public String toString() {
        return value;
    }
}
