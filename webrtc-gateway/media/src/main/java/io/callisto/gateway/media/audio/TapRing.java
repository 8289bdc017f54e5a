package io.callisto.gateway.media.audio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Bounded single-producer single-consumer ring of reusable {@link TapChunk}s: the relay thread
 * claims and publishes, the recorder's writer peeks and consumes. No lock, no allocation; a full
 * ring makes {@link #claim()} answer null and the producer drops the packet instead of waiting.
 */
final class TapRing {

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(TapRing.class, "head", long.class);
            TAIL = lookup.findVarHandle(TapRing.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final TapChunk[] slots;
    private final int mask;
    /** Next slot to consume; written by the consumer only. */
    private long head;
    /** Next slot to produce; written by the producer only. */
    private long tail;

    TapRing(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, got " + capacityPowerOfTwo);
        }
        slots = new TapChunk[capacityPowerOfTwo];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new TapChunk();
        }
        mask = capacityPowerOfTwo - 1;
    }

    /** Producer: the slot to fill, or null when full. Follow with {@link #publish()}. */
    TapChunk claim() {
        long t = (long) TAIL.getOpaque(this);
        if (t - (long) HEAD.getAcquire(this) >= slots.length) {
            return null;
        }
        return slots[(int) t & mask];
    }

    /** Producer: makes the claimed slot visible to the consumer. */
    void publish() {
        TAIL.setRelease(this, (long) TAIL.getOpaque(this) + 1);
    }

    /** Consumer: the oldest published slot, or null when empty. Follow with {@link #consume()}. */
    TapChunk peek() {
        long h = (long) HEAD.getOpaque(this);
        if (h >= (long) TAIL.getAcquire(this)) {
            return null;
        }
        return slots[(int) h & mask];
    }

    /** Consumer: hands the peeked slot back to the producer. */
    void consume() {
        HEAD.setRelease(this, (long) HEAD.getOpaque(this) + 1);
    }
}
