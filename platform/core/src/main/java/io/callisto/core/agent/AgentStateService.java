package io.callisto.core.agent;

import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.Agent;
import io.callisto.core.acd.AgentState;
import io.callisto.core.auth.Caller;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.routing.LiveAcd;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import java.time.Instant;
import java.util.List;

/**
 * An agent's live state: the agent sets their own presence (OFFLINE, AVAILABLE, AWAY with a reason), and so
 * may a supervisor; everything else (RESERVED, RINGING, BUSY, WRAP_UP) the ACD sets. Logging in takes a
 * leased seat, atomically in the ACD.
 */
public final class AgentStateService {
    private final Transactions tx;
    private final LiveAcd acd;
    private final AwayReasonService reasons;
    private final AgentStateLog log;

    public AgentStateService(Transactions tx, LiveAcd acd, AwayReasonService reasons, AgentStateLog log) {
        this.tx = tx;
        this.acd = acd;
        this.reasons = reasons;
        this.log = log;
    }

    /** What the API shows of an agent's state. */
    public record StateView(String agentId, AgentState state, String reason, Instant since, Instant wrapUpUntil,
                            List<String> interactionIds) {
        static StateView of(Agent agent) {
            return new StateView(agent.id(), agent.state(), agent.state() == AgentState.AWAY ? agent.awayReason() : null,
                    agent.stateSince(), agent.wrapUpUntil(), agent.interactionIds());
        }
    }

    public StateView get(Caller caller, String agentId) {
        requireSelfOrSupervisor(caller, agentId);
        return StateView.of(agent(caller.tenantId(), agentId));
    }

    public StateView set(Caller caller, String agentId, String state, String reason) {
        requireSelfOrSupervisor(caller, agentId);
        TenantId tenant = caller.tenantId();
        AgentState presence = parsePresence(state);
        String awayReason = null;
        if (presence == AgentState.AWAY) {
            if (reason != null && !reasons.allows(tenant, reason)) {
                throw Errors.invalid(List.of(new CallistoException.FieldError("reason",
                        "is not one of the tenant's away reasons (GET /api/v1/away-reasons)")));
            }
            awayReason = reason;
        } else if (reason != null) {
            throw Errors.invalid(List.of(new CallistoException.FieldError("reason", "only AWAY takes a reason")));
        }
        acd.execute(tenant, new AcdCommand.SetPresence(agentId, presence, awayReason));
        return StateView.of(agent(tenant, agentId));
    }

    /** The agent is done with wrap-up before its time is up. */
    public StateView finishWrapUp(Caller caller, String agentId) {
        requireSelfOrSupervisor(caller, agentId);
        agent(caller.tenantId(), agentId);
        acd.execute(caller.tenantId(), new AcdCommand.FinishWrapUp(agentId));
        return StateView.of(agent(caller.tenantId(), agentId));
    }

    /** The audit of the agent's transitions, newest first. */
    public Page<AgentStateChange> history(Caller caller, String agentId, PageRequest page) {
        requireSelfOrSupervisor(caller, agentId);
        agent(caller.tenantId(), agentId);
        return tx.inTenant(caller.tenantId(), () -> log.list(caller.tenantId(), agentId, page));
    }

    private static AgentState parsePresence(String state) {
        AgentState parsed = null;
        if (state != null) {
            try {
                parsed = AgentState.valueOf(state);
            } catch (IllegalArgumentException e) {
                parsed = null;
            }
        }
        if (parsed == null || !parsed.isPresence()) {
            throw Errors.invalid(List.of(new CallistoException.FieldError("state", "must be OFFLINE, AVAILABLE or AWAY")));
        }
        return parsed;
    }

    private Agent agent(TenantId tenant, String agentId) {
        return acd.snapshot(tenant).agent(agentId).orElseThrow(() -> Errors.notFound("agent"));
    }

    private static void requireSelfOrSupervisor(Caller caller, String agentId) {
        if (!caller.isUser(agentId)) {
            caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        }
    }
}
