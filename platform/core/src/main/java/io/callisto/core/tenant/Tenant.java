package io.callisto.core.tenant;

import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.Objects;

/** A business using Callisto: its name, status and the number of agent seats it leases. */
public record Tenant(TenantId id, String companyName, TenantStatus status, int seatsLeased, String plan,
                     Instant createdAt, Instant updatedAt) {
    public Tenant {
        Objects.requireNonNull(id);
        Objects.requireNonNull(companyName);
        Objects.requireNonNull(status);
        Objects.requireNonNull(plan);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
        if (seatsLeased < 0) {
            throw new IllegalArgumentException("seats must not be negative");
        }
    }

    /**
     * The seats agents may use now: the lease while the status lets agents work, none otherwise (pending payment,
     * suspended, canceled). This is what the ACD enforces.
     */
    public int workingSeats() {
        return status.agentsMayWork() ? seatsLeased : 0;
    }

    public Tenant withStatus(TenantStatus newStatus, Instant at) {
        return new Tenant(id, companyName, newStatus, seatsLeased, plan, createdAt, at);
    }

    public Tenant withSeatsLeased(int seats, Instant at) {
        return new Tenant(id, companyName, status, seats, plan, createdAt, at);
    }
}
