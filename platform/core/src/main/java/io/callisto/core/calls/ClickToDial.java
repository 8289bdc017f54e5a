package io.callisto.core.calls;

import io.callisto.core.auth.Caller;
import io.callisto.core.crm.PhoneNumber;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.Errors;
import io.callisto.core.user.Role;
import java.util.List;

/**
 * An agent's outbound call from the API: the agent dials for themselves; supervisors and admins may place a call
 * for any agent. Numbers are E.164 (written with spaces or dashes is fine). The dialer refuses clearly when no SIP
 * edge runs.
 */
public final class ClickToDial {
    private final OutboundDialer dialer;

    public ClickToDial(OutboundDialer dialer) {
        this.dialer = java.util.Objects.requireNonNull(dialer);
    }

    /**
     * What the API takes: the number to call, for which agent (default the caller), the caller id to show, and the
     * queue the call is placed for (default the agent's first).
     */
    public record DialRequest(String to, String agentId, String from, String queueId) {
        public DialRequest(String to, String agentId, String from) {
            this(to, agentId, from, null);
        }
    }

    public String dial(Caller caller, DialRequest request) {
        caller.requireAnyRole(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        String to = request.to() == null ? null : PhoneNumber.normalize(request.to()).orElse(null);
        String from = request.from() == null ? null : PhoneNumber.normalize(request.from()).orElse(null);
        if (to == null) {
            throw Errors.invalid(List.of(new CallistoException.FieldError("to", "must be a phone number in E.164")));
        }
        if (request.from() != null && from == null) {
            throw Errors.invalid(List.of(new CallistoException.FieldError("from", "must be a phone number in E.164")));
        }
        String agentId = request.agentId() == null ? caller.principalId() : request.agentId();
        if (!agentId.equals(caller.principalId()) && !caller.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
            throw Errors.forbidden("role-required", "agents place calls for themselves only");
        }
        return dialer.dial(caller.tenantId(), agentId, to, from, request.queueId());
    }
}
