package io.callisto.core.acd;

import java.io.Serializable;
import java.util.Objects;

/**
 * The CRM contact an interaction was matched to when it was created, as much as an agent's screen pop
 * needs without a database read on the offer path.
 */
public record ContactRef(String id, String name, String company) implements Serializable {
    public ContactRef {
        Objects.requireNonNull(id);
    }
}
