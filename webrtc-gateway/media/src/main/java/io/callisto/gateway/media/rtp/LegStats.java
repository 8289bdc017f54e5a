package io.callisto.gateway.media.rtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.EnumMap;
import java.util.Map;

/**
 * A leg's counters. Single writer (the loop thread that owns the bridge), any reader: the writer
 * increments with an opaque store, a plain mov on x86, no lock or fence; readers use opaque loads,
 * which never tear a long and see recent values.
 */
public final class LegStats {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final LegCounter[] COUNTERS = LegCounter.values();

    private final long[] values = new long[COUNTERS.length];

    void increment(LegCounter counter) {
        add(counter, 1);
    }

    void add(LegCounter counter, long amount) {
        int i = counter.ordinal();
        SLOT.setOpaque(values, i, (long) SLOT.getOpaque(values, i) + amount);
    }

    public long get(LegCounter counter) {
        return (long) SLOT.getOpaque(values, counter.ordinal());
    }

    /** A copy of every counter, for logs and metrics. */
    public Map<LegCounter, Long> snapshot() {
        Map<LegCounter, Long> copy = new EnumMap<>(LegCounter.class);
        for (LegCounter counter : COUNTERS) {
            copy.put(counter, get(counter));
        }
        return copy;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
