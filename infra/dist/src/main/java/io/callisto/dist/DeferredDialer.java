package io.callisto.dist;

import io.callisto.core.calls.OutboundDialer;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;

/** The SIP edge's dialer once it runs; before (or in a role without one) a clear refusal. */
final class DeferredDialer implements OutboundDialer {
    private volatile OutboundDialer target;

    void target(OutboundDialer dialer) {
        this.target = dialer;
    }

    @Override
    public String dial(TenantId tenant, String agentId, String toE164, String callerIdE164) {
        OutboundDialer current = target;
        if (current == null) {
            throw Errors.conflict("sip-edge-unavailable", "this node runs no SIP edge; calls are placed where one runs");
        }
        return current.dial(tenant, agentId, toE164, callerIdE164);
    }
}
