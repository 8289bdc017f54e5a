package io.callisto.grid.acd;

import com.tangosol.util.ValueExtractor;

/**
 * Extracts when a tenant's state next needs a tick (epoch millis; Long.MAX_VALUE for never), from the first
 * bytes of the stored form, where the processor that wrote the state put it. Indexed, so the timer finds due
 * tenants without decoding any state.
 */
final class NextDeadline implements ValueExtractor<byte[], Long>, java.io.Serializable {
    static final NextDeadline INSTANCE = new NextDeadline();

    @Override
    public Long extract(byte[] stored) {
        return StoredTenant.deadline(stored);
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
