package io.callisto.grid.acd;

import com.tangosol.net.cache.KeyAssociation;
import java.io.Serializable;

/**
 * Key of one event batch in the event and outbox maps: associated with the tenant's key, so that a batch lives
 * in the same partition as the state that produced it and is written in the same atomic step.
 */
public record EventKey(String tenant, long sequence) implements KeyAssociation<String>, Serializable {
    @Override
    public String getAssociatedKey() {
        return tenant;
    }
}
