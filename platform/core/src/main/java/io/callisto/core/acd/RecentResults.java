package io.callisto.core.acd;

import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The request ids of a tenant's most recent commands. When the member running a command dies after its
 * backup was written, the grid re-runs the command on the new owner; a known id means "already applied",
 * so it is not applied twice (an enqueue would otherwise be refused as a duplicate). Only ids are kept:
 * the state is serialized on every command, and its size is the cost of every routing decision.
 */
public final class RecentResults implements Serializable {
    static final int CAPACITY = 64;
    private final LinkedHashSet<String> requestIds = new LinkedHashSet<>();

    void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(requestIds.size());
        for (String id : requestIds) {
            java.util.UUID uuid = uuidOrNull(id);
            out.writeBoolean(uuid != null);
            if (uuid != null) {
                // 16 bytes instead of 38: request ids are UUIDs, and this set is in every copy of the state
                out.writeLong(uuid.getMostSignificantBits());
                out.writeLong(uuid.getLeastSignificantBits());
            } else {
                out.writeUTF(id);
            }
        }
    }

    void readFrom(java.io.DataInput in) throws java.io.IOException {
        requestIds.clear();
        for (int n = in.readInt(), i = 0; i < n; i++) {
            requestIds.add(in.readBoolean() ? new java.util.UUID(in.readLong(), in.readLong()).toString() : in.readUTF());
        }
    }

    private static java.util.UUID uuidOrNull(String id) {
        if (id.length() != 36) {
            return null;
        }
        try {
            java.util.UUID uuid = java.util.UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean contains(String requestId) {
        return requestIds.contains(requestId);
    }

    public void remember(String requestId) {
        requestIds.add(requestId);
        if (requestIds.size() > CAPACITY) {
            Iterator<String> eldest = requestIds.iterator();
            eldest.next();
            eldest.remove();
        }
    }
}
