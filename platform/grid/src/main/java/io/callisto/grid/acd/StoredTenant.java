package io.callisto.grid.acd;

import io.callisto.core.acd.AcdEngine;
import io.callisto.core.acd.TenantAcd;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * How a tenant's state is stored in the {@code acd-tenants} map: a byte array holding the epoch millis of its
 * next deadline (Long.MAX_VALUE for none) and then the state's compact form. Coherence copies byte arrays
 * without any serialization framework, and the timer's index reads the deadline from the first eight bytes
 * without decoding the state, so neither costs a routing decision more than the state's own encoding.
 */
final class StoredTenant {
    private static final int DEADLINE = Long.BYTES;

    private StoredTenant() {
    }

    static byte[] store(TenantAcd acd, Instant now) {
        byte[] state = acd.toBytes();
        long deadline = AcdEngine.nextDeadline(acd, now).map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
        return ByteBuffer.allocate(DEADLINE + state.length).putLong(deadline).put(state).array();
    }

    static TenantAcd load(byte[] stored) {
        return TenantAcd.fromBytes(stored, DEADLINE);
    }

    static long deadline(byte[] stored) {
        return ByteBuffer.wrap(stored, 0, DEADLINE).getLong();
    }
}
