package io.callisto.dist;

import io.callisto.core.calls.LiveCallRecording;
import io.callisto.core.calls.OutboundDialer;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;

/**
 * The SIP edge as the API sees it: its dialer and its recording control once it runs; before (or in a role without
 * one) a clear refusal. The API is built before the edge starts.
 */
final class DeferredSipEdge implements OutboundDialer, LiveCallRecording {
    private volatile OutboundDialer dialer;
    private volatile LiveCallRecording recordings;

    void target(OutboundDialer edgeDialer, LiveCallRecording edgeRecordings) {
        this.dialer = edgeDialer;
        this.recordings = edgeRecordings;
    }

    @Override
    public String dial(TenantId tenant, String agentId, String toE164, String callerIdE164, String queueId) {
        OutboundDialer current = dialer;
        if (current == null) {
            throw unavailable();
        }
        return current.dial(tenant, agentId, toE164, callerIdE164, queueId);
    }

    @Override
    public boolean record(TenantId tenant, String callId, String agentId, boolean on) {
        LiveCallRecording current = recordings;
        if (current == null) {
            throw unavailable();
        }
        return current.record(tenant, callId, agentId, on);
    }

    private static CallistoException unavailable() {
        return Errors.conflict("sip-edge-unavailable", "this node runs no SIP edge; calls are handled where one runs");
    }
}
