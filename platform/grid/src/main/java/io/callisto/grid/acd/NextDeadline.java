package io.callisto.grid.acd;

import com.tangosol.util.ValueExtractor;
import io.callisto.core.acd.AcdEngine;
import io.callisto.core.acd.TenantAcd;
import java.time.Instant;

/**
 * Extracts when a tenant's state next needs a tick (epoch millis; Long.MAX_VALUE for never). Indexed, so
 * the timer finds due tenants without deserializing every tenant's state.
 */
final class NextDeadline implements ValueExtractor<TenantAcd, Long>, java.io.Serializable {
    static final NextDeadline INSTANCE = new NextDeadline();

    @Override
    public Long extract(TenantAcd acd) {
        // Deadlines are absolute (offer expiry, wrap-up end, enqueue time + max wait or relaxation period),
        // so "now" only selects the next relaxation period; the write time is the right one.
        return AcdEngine.nextDeadline(acd, Instant.now()).map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NextDeadline;
    }

    @Override
    public int hashCode() {
        return NextDeadline.class.hashCode();
    }
}
