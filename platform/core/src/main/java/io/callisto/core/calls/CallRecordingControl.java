package io.callisto.core.calls;

import io.callisto.core.auth.Caller;
import io.callisto.core.error.Errors;
import io.callisto.core.user.Role;

/**
 * Recording a live call on demand from the API: the agent on the call may start or stop it; supervisors and admins
 * may for any of the tenant's calls. An agent asking about a call that is not theirs learns nothing (404).
 */
public final class CallRecordingControl {
    private final LiveCallRecording edge;

    public CallRecordingControl(LiveCallRecording edge) {
        this.edge = java.util.Objects.requireNonNull(edge);
    }

    /** Whether the call is being recorded after the request. */
    public boolean record(Caller caller, String callId, boolean on) {
        caller.requireAnyRole(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        if (callId == null || callId.isBlank() || callId.length() > 64) {
            throw Errors.notFound("call");
        }
        String agent = caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN) ? null : caller.principalId();
        return edge.record(caller.tenantId(), callId, agent, on);
    }
}
