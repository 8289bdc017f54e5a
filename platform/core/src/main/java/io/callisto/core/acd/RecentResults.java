package io.callisto.core.acd;

import java.util.UUID;

/**
 * The request ids of a tenant's most recent commands. When the member running a command dies after its
 * backup was written, the grid re-runs the command on the new owner; a known id means "already applied",
 * so it is not applied twice (an enqueue would otherwise be refused as a duplicate). Only ids are kept, as
 * the two longs of their UUID in a ring: the state is decoded and encoded on every command, and turning
 * ids into strings and back showed up as a tenth of a member's routing time.
 */
public final class RecentResults {
    static final int CAPACITY = 64;
    private final long[] most = new long[CAPACITY];
    private final long[] least = new long[CAPACITY];
    private int size;
    private int next;

    public boolean contains(String requestId) {
        UUID id = parse(requestId);
        for (int i = 0; i < size; i++) {
            if (most[i] == id.getMostSignificantBits() && least[i] == id.getLeastSignificantBits()) {
                return true;
            }
        }
        return false;
    }

    /** Remembers an id, forgetting the oldest beyond {@link #CAPACITY}. */
    public void remember(String requestId) {
        UUID id = parse(requestId);
        most[next] = id.getMostSignificantBits();
        least[next] = id.getLeastSignificantBits();
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    /** Request ids are UUIDs (the grid makes them); anything else is a programming error. */
    private static UUID parse(String requestId) {
        return UUID.fromString(requestId);
    }

    void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeByte(size);
        out.writeByte(next);
        for (int i = 0; i < size; i++) {
            out.writeLong(most[i]);
            out.writeLong(least[i]);
        }
    }

    void readFrom(java.io.DataInput in) throws java.io.IOException {
        size = in.readByte();
        next = in.readByte();
        for (int i = 0; i < size; i++) {
            most[i] = in.readLong();
            least[i] = in.readLong();
        }
    }
}
