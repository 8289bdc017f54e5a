package io.callisto.core.telephony;

import java.time.Instant;
import java.util.Objects;

/**
 * A phone number (E.164) a tenant receives calls on, as an admin configures it. A number belongs to one tenant
 * at most, across all tenants. {@code trunkId} (optional) is also the trunk outbound calls from the number use.
 */
public record NumberConfig(String id, String e164, String name, String trunkId, NumberTarget target,
                           Instant createdAt, Instant updatedAt) {
    public NumberConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
