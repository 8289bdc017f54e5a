package io.callisto.core.agent;

import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.Skills;
import io.callisto.core.auth.Caller;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.Errors;
import io.callisto.core.error.Validator;
import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.queue.QueueRepository;
import io.callisto.core.routing.LiveAcd;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import io.callisto.core.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Agents as admins configure them: skills, queues, capacity per channel, a SIP login for desk phones. Every
 * change is stored and applied to the ACD in one unit of work, so a change the ACD refuses is not stored.
 */
public final class AgentService {
    static final Pattern SIP_USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    static final int MAX_CAPACITY = 50;
    private final Transactions tx;
    private final AgentSettingsRepository agents;
    private final UserRepository users;
    private final QueueRepository queues;
    private final LiveAcd acd;
    private final Clock clock;

    public AgentService(Transactions tx, AgentSettingsRepository agents, UserRepository users, QueueRepository queues,
                        LiveAcd acd, Clock clock) {
        this.tx = tx;
        this.agents = agents;
        this.users = users;
        this.queues = queues;
        this.acd = acd;
        this.clock = clock;
    }

    /**
     * A new agent or changes to one; null fields are not given (on create: defaults). {@code removeSip} clears
     * the SIP login. The password is write-only and never leaves this class except as digests.
     */
    public record AgentInput(String userId, Map<String, Integer> skills, Set<String> queueIds,
                             Map<Channel, Integer> maxConcurrent, String sipUsername, String sipPassword,
                             boolean removeSip) {
        @Override
        public String toString() {
            return "AgentInput[" + userId + "]";
        }
    }

    public AgentSettings create(Caller caller, AgentInput input) {
        caller.requireAnyRole(Role.ADMIN);
        TenantId tenant = caller.tenantId();
        if (input.userId() == null || input.userId().isBlank()) {
            throw Errors.invalid(java.util.List.of(new CallistoException.FieldError("userId", "is required")));
        }
        Instant now = clock.instant();
        try {
            return createStoredAndLive(tenant, input, now);
        } catch (RuntimeException e) {
            acd.restoreAgent(tenant, input.userId());
            throw e;
        }
    }

    private AgentSettings createStoredAndLive(TenantId tenant, AgentInput input, Instant now) {
        return tx.inTenant(tenant, () -> {
            User user = users.find(tenant, new UserId(input.userId()))
                    .orElseThrow(() -> Errors.invalid(java.util.List.of(
                            new CallistoException.FieldError("userId", "names no user of this tenant"))));
            if (!user.hasRole(Role.AGENT)) {
                throw Errors.conflict("not-an-agent", "give the user the role AGENT first");
            }
            if (agents.find(tenant, input.userId()).isPresent()) {
                throw Errors.conflict("duplicate-agent", "this user is an agent already");
            }
            AgentSettings created = merge(tenant, new AgentSettings(input.userId(), Map.of(), Set.of(), Map.of(), null,
                    null, now, now), input, now);
            agents.insert(tenant, created);
            acd.execute(tenant, new AcdCommand.UpsertAgent(created.profile()));
            return created;
        });
    }

    public Page<AgentSettings> list(Caller caller, PageRequest page) {
        caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        return tx.inTenant(caller.tenantId(), () -> agents.list(caller.tenantId(), page));
    }

    /** A colleague as anyone in the tenant may see them: who to transfer to, who is consulting. */
    public record Colleague(String id, String name) {
    }

    /**
     * The tenant's agents by name, for everyone signed in to it (an agent transferring a call, or consulted about
     * one, needs the names; routing settings, SIP logins and e-mail addresses stay with admins and supervisors). An
     * agent whose user is gone meanwhile goes by id.
     */
    public Page<Colleague> directory(Caller caller, PageRequest page) {
        return tx.inTenant(caller.tenantId(), () -> agents.list(caller.tenantId(), page).map(agent ->
                new Colleague(agent.agentId(), users.find(caller.tenantId(), new UserId(agent.agentId()))
                        .map(User::name).orElse(agent.agentId()))));
    }

    /** Admins and supervisors read any agent; an agent reads themselves. */
    public AgentSettings get(Caller caller, String agentId) {
        if (!caller.isUser(agentId)) {
            caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        }
        return tx.inTenant(caller.tenantId(), () -> agents.find(caller.tenantId(), agentId))
                .orElseThrow(() -> Errors.notFound("agent"));
    }

    public AgentSettings update(Caller caller, String agentId, AgentInput changes) {
        caller.requireAnyRole(Role.ADMIN);
        if (changes.userId() != null && !changes.userId().equals(agentId)) {
            throw Errors.invalid(java.util.List.of(new CallistoException.FieldError("userId",
                    "an agent stays the same user; make another user an agent instead")));
        }
        TenantId tenant = caller.tenantId();
        try {
            return tx.inTenant(tenant, () -> {
                AgentSettings current = agents.find(tenant, agentId).orElseThrow(() -> Errors.notFound("agent"));
                AgentSettings updated = merge(tenant, current, changes, clock.instant());
                agents.update(tenant, updated);
                acd.execute(tenant, new AcdCommand.UpsertAgent(updated.profile()));
                return updated;
            });
        } catch (RuntimeException e) {
            acd.restoreAgent(tenant, agentId);
            throw e;
        }
    }

    /** Refused (409) while the agent is logged in. */
    public void delete(Caller caller, String agentId) {
        caller.requireAnyRole(Role.ADMIN);
        TenantId tenant = caller.tenantId();
        try {
            tx.runInTenant(tenant, () -> {
                if (!agents.delete(tenant, agentId)) {
                    throw Errors.notFound("agent");
                }
                if (acd.snapshot(tenant).agent(agentId).isPresent()) {
                    acd.execute(tenant, new AcdCommand.RemoveAgent(agentId));
                }
            });
        } catch (RuntimeException e) {
            acd.restoreAgent(tenant, agentId);
            throw e;
        }
    }

    private AgentSettings merge(TenantId tenant, AgentSettings current, AgentInput in, Instant now) {
        Validator v = new Validator();
        Map<String, Integer> skills = current.skills();
        if (in.skills() != null) {
            skills = Skills.of(in.skills(), "skills").levels();
        }
        Set<String> queueIds = in.queueIds() == null ? current.queueIds() : in.queueIds();
        for (String q : queueIds) {
            v.require(q != null && queues.find(tenant, q).isPresent(), "queueIds", "names a queue this tenant does not have");
        }
        Map<Channel, Integer> capacity = current.maxConcurrent();
        if (in.maxConcurrent() != null) {
            capacity = new EnumMap<>(Channel.class);
            for (Map.Entry<Channel, Integer> e : in.maxConcurrent().entrySet()) {
                boolean valid = e.getValue() != null && e.getValue() >= 0 && e.getValue() <= MAX_CAPACITY
                        && (e.getKey() != Channel.VOICE || e.getValue() <= 1);
                v.require(valid, "maxConcurrent." + e.getKey(), "must be 0 to " + MAX_CAPACITY + " (VOICE 0 or 1)");
                capacity.put(e.getKey(), e.getValue());
            }
        }
        String sipUsername = in.removeSip() ? null : in.sipUsername() != null ? in.sipUsername() : current.sipUsername();
        AgentSettings.SipDigest digest = in.removeSip() ? null : current.sipDigest();
        v.require(sipUsername == null || SIP_USERNAME.matcher(sipUsername).matches(), "sipUsername",
                "1-64 letters, digits, . _ - (starting with a letter or digit)");
        if (!in.removeSip() && in.sipPassword() != null) {
            v.require(in.sipPassword().length() >= 8 && in.sipPassword().length() <= 128, "sipPassword",
                    "must be 8 to 128 characters");
            v.require(sipUsername != null, "sipUsername", "is required with a sipPassword");
        }
        boolean usernameChanged = sipUsername != null && !sipUsername.equals(current.sipUsername());
        v.require(!usernameChanged || in.sipPassword() != null, "sipPassword",
                "is required when the SIP username is set or changed (the digest includes the username)");
        v.throwIfInvalid();
        if (in.sipPassword() != null && sipUsername != null) {
            digest = SipDigests.of(sipUsername, tenant.value(), in.sipPassword());
        }
        if (sipUsername != null && !sipUsername.equals(current.sipUsername())
                && agents.findBySipUsername(tenant, sipUsername).isPresent()) {
            throw Errors.conflict("duplicate-sip-username", "another agent has this SIP username");
        }
        return new AgentSettings(current.agentId(), skills, queueIds, capacity, sipUsername, digest,
                current.createdAt(), now);
    }
}
