package io.callisto.core.billing;

import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Port: the durable outbox of billable usage. A finished call's usage is added in the same unit of work that
 * stores the call, and stays until the payment provider has it, so an outage of the provider loses nothing.
 */
public interface UsageLedger {
    /** Inside the tenant's unit: adds usage; a call already in the ledger is skipped (a retried write is harmless). */
    void recordAll(TenantId tenant, List<CallUsage> usage);

    /** Unreported usage whose next attempt is due at {@code now}, oldest first, across tenants. Outside a unit. */
    List<Pending> due(Instant now, int limit);

    /** Inside the tenant's unit: the provider has it. */
    void markReported(TenantId tenant, String callId, Instant at);

    /** Inside the tenant's unit: an attempt failed; try again at {@code nextAttemptAt}. */
    void markRetry(TenantId tenant, String callId, int attempts, Instant nextAttemptAt, String error);

    /** Inside the tenant's unit: it can never be reported (e.g. too old for the provider); kept for the record. */
    void markAbandoned(TenantId tenant, String callId, String error);

    /** Inside the tenant's unit: calls that ended in [from, to), their minutes, and minutes not yet reported. */
    Summary summary(TenantId tenant, Instant from, Instant to);

    /** Usage waiting to be reported, with the attempts made so far. */
    record Pending(TenantId tenant, CallUsage usage, int attempts) {
    }

    /** Usage in a period. */
    record Summary(long calls, long minutes, long unreportedMinutes) {
    }
}
