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
