package io.callisto.gateway.call;

import io.callisto.core.telephony.Trunk;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Calls in progress per trunk, inbound and outbound together, against each trunk's maxChannels. */
public final class TrunkChannels {
    private final Map<String, AtomicInteger> inUse = new ConcurrentHashMap<>();

    /** Takes a channel; false (and nothing taken) when the trunk is full. */
    public boolean acquire(Trunk trunk) {
        AtomicInteger used = inUse.computeIfAbsent(trunk.id(), k -> new AtomicInteger());
        if (used.incrementAndGet() > trunk.maxChannels()) {
            used.decrementAndGet();
            return false;
        }
        return true;
    }

    public void release(String trunkId) {
        AtomicInteger used = inUse.get(trunkId);
        if (used != null) {
            used.decrementAndGet();
        }
    }

    public int inUse(String trunkId) {
        AtomicInteger used = inUse.get(trunkId);
        return used == null ? 0 : used.get();
    }
}
