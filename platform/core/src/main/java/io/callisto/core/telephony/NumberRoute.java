package io.callisto.core.telephony;

import io.callisto.core.ids.TenantId;
import java.util.Objects;

/** What the gateway needs to place an inbound call to a number: whose number it is and where the call goes. */
public record NumberRoute(TenantId tenant, String numberId, String e164, NumberTarget target, String trunkId) {
    public NumberRoute {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(numberId, "numberId");
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(target, "target");
    }

    /** The queue the call enters, or null when the number starts an IVR flow. */
    public String queueId() {
        return target.queueId();
    }
}
