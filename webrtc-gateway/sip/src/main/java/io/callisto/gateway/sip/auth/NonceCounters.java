package io.callisto.gateway.sip.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replay window: the highest nonce count accepted per nonce, for a bounded number of nonces (LRU).
 * A nonce evicted from the window must not become replayable, so everything issued up to the newest
 * evicted nonce's time is refused unless it is still in the window (the client then gets a fresh nonce).
 */
final class NonceCounters {

    private record Counter(long issuedAt, long highest) {
    }

    private final Map<String, Counter> counters;
    private long evictedUpTo = Long.MIN_VALUE;

    NonceCounters(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay window capacity must be positive");
        }
        this.counters = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                evictedUpTo = Math.max(evictedUpTo, eldest.getValue().issuedAt());
                return true;
            }
        };
    }

    /** Records {@code nc} for the nonce if it is higher than any accepted before; false for a replay. */
    synchronized boolean advance(String nonce, long issuedAt, long nc) {
        Counter counter = counters.get(nonce);
        if (counter == null ? issuedAt <= evictedUpTo : nc <= counter.highest()) {
            return false;
        }
        counters.put(nonce, new Counter(issuedAt, nc));
        return true;
    }

    synchronized int size() {
        return counters.size();
    }
}
