package io.callisto.gateway.call;

import io.callisto.core.calls.LiveCallRecording;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;

/** Recording on demand for the calls this gateway carries, customers' (inbound) and agents' outbound calls. */
public final class LiveRecordings implements LiveCallRecording {
    private final CallRegistry inbound;
    private final OutboundCalls outbound;

    public LiveRecordings(CallRegistry inbound, OutboundCalls outbound) {
        this.inbound = inbound;
        this.outbound = outbound;
    }

    @Override
    public boolean record(TenantId tenant, String callId, String agentId, boolean on) {
        var in = inbound.call(callId).filter(c -> c.tenant().equals(tenant));
        if (in.isPresent()) {
            return in.get().recordOnDemand(agentId, on);
        }
        var out = outbound.call(callId).filter(c -> c.tenant().equals(tenant));
        if (out.isPresent()) {
            return out.get().recordOnDemand(agentId, on);
        }
        throw Errors.notFound("call");
    }
}
