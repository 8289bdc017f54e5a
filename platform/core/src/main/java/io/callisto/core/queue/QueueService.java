package io.callisto.core.queue;

import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.QueueEstimates;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.acd.Skills;
import io.callisto.core.agent.AgentSettings;
import io.callisto.core.agent.AgentSettingsRepository;
import io.callisto.core.auth.Caller;
import io.callisto.core.error.Errors;
import io.callisto.core.error.Validator;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.routing.LiveAcd;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's queues. Admins configure them; every role reads them (agents pick transfer targets). A
 * change is stored and applied to the ACD in one unit of work, so what the ACD refuses (an overflow circle,
 * removing a queue that still holds interactions) is not stored either.
 */
public final class QueueService {
    static final int MAX_SECONDS = 86_400;
    static final int MAX_PRIORITY = 100;
    private final Transactions tx;
    private final QueueRepository queues;
    private final AgentSettingsRepository agents;
    private final LiveAcd acd;
    private final Clock clock;

    public QueueService(Transactions tx, QueueRepository queues, AgentSettingsRepository agents, LiveAcd acd,
                        Clock clock) {
        this.tx = tx;
        this.queues = queues;
        this.agents = agents;
        this.acd = acd;
        this.clock = clock;
    }

    /** A new queue or changes to one; null fields are not given (on create: defaults, recordCalls false). */
    public record QueueInput(String name, String strategy, Map<String, Integer> requiredSkills, Integer priority,
                             Integer maxWaitSeconds, String overflowQueueId, boolean clearOverflow, Integer wrapUpSeconds,
                             Integer serviceLevelSeconds, Integer offerTimeoutSeconds, Integer relaxAfterSeconds,
                             Integer relaxStep, Boolean recordCalls) {
        /** Without {@code recordCalls}: on create the queue does not record, on update the setting stays. */
        @SuppressWarnings("checkstyle:ParameterNumber")
        public QueueInput(String name, String strategy, Map<String, Integer> requiredSkills, Integer priority,
                          Integer maxWaitSeconds, String overflowQueueId, boolean clearOverflow, Integer wrapUpSeconds,
                          Integer serviceLevelSeconds, Integer offerTimeoutSeconds, Integer relaxAfterSeconds,
                          Integer relaxStep) {
            this(name, strategy, requiredSkills, priority, maxWaitSeconds, overflowQueueId, clearOverflow, wrapUpSeconds,
                    serviceLevelSeconds, offerTimeoutSeconds, relaxAfterSeconds, relaxStep, null);
        }
    }

    public QueueConfig create(Caller caller, QueueInput input) {
        caller.requireAnyRole(Role.ADMIN);
        new Validator().require(input.name() != null, "name", "is required")
                .require(input.strategy() != null, "strategy", "is required").throwIfInvalid();
        QueueConfig defaults = new QueueConfig(Ids.next('q'), input.name(), RoutingStrategy.LONGEST_IDLE, Skills.NONE,
                0, 0, null, 0, 20, 20, 0, 1, false);
        TenantId tenant = caller.tenantId();
        try {
            return tx.inTenant(tenant, () -> {
                QueueConfig created = merge(tenant, defaults, input);
                queues.insert(tenant, created);
                acd.execute(tenant, new AcdCommand.ConfigureQueue(created));
                return created;
            });
        } catch (RuntimeException e) {
            acd.restoreQueue(tenant, defaults.id());
            throw e;
        }
    }

    public Page<QueueConfig> list(Caller caller, PageRequest page) {
        return tx.inTenant(caller.tenantId(), () -> queues.list(caller.tenantId(), page));
    }

    public QueueConfig get(Caller caller, String queueId) {
        return tx.inTenant(caller.tenantId(), () -> queues.find(caller.tenantId(), queueId))
                .orElseThrow(() -> Errors.notFound("queue"));
    }

    public QueueConfig update(Caller caller, String queueId, QueueInput changes) {
        caller.requireAnyRole(Role.ADMIN);
        TenantId tenant = caller.tenantId();
        try {
            return tx.inTenant(tenant, () -> {
                QueueConfig current = queues.find(tenant, queueId).orElseThrow(() -> Errors.notFound("queue"));
                QueueConfig updated = merge(tenant, current, changes);
                queues.update(tenant, updated);
                acd.execute(tenant, new AcdCommand.ConfigureQueue(updated));
                return updated;
            });
        } catch (RuntimeException e) {
            acd.restoreQueue(tenant, queueId);
            throw e;
        }
    }

    /** Refused (409) while the queue holds interactions or another queue overflows into it; agents leave it. */
    public void delete(Caller caller, String queueId) {
        caller.requireAnyRole(Role.ADMIN);
        TenantId tenant = caller.tenantId();
        java.util.List<String> affected = new java.util.ArrayList<>();
        try {
            deleteStoredAndLive(tenant, queueId, affected);
        } catch (RuntimeException e) {
            acd.restoreQueue(tenant, queueId);
            affected.forEach(agent -> acd.restoreAgent(tenant, agent));
            throw e;
        }
    }

    private void deleteStoredAndLive(TenantId tenant, String queueId, java.util.List<String> affected) {
        tx.runInTenant(tenant, () -> {
            if (!queues.delete(tenant, queueId)) {
                throw Errors.notFound("queue");
            }
            for (AgentSettings agent : agents.all(tenant)) {
                if (agent.queueIds().contains(queueId)) {
                    affected.add(agent.agentId());
                    Set<String> remaining = new HashSet<>(agent.queueIds());
                    remaining.remove(queueId);
                    AgentSettings updated = new AgentSettings(agent.agentId(), agent.skills(), remaining,
                            agent.maxConcurrent(), agent.sipUsername(), agent.sipDigest(), agent.createdAt(),
                            clock.instant());
                    agents.update(tenant, updated);
                    acd.execute(tenant, new AcdCommand.UpsertAgent(updated.profile()));
                }
            }
            acd.execute(tenant, new AcdCommand.RemoveQueue(queueId));
        });
    }

    /** Where a new interaction would enter the queue and how long it would probably wait. */
    public QueueEstimates.Estimate estimate(Caller caller, String queueId, Channel channel, int priority) {
        get(caller, queueId);
        return QueueEstimates.forNew(acd.snapshot(caller.tenantId()), queueId, channel, priority);
    }

    private QueueConfig merge(TenantId tenant, QueueConfig q, QueueInput in) {
        Validator v = new Validator();
        String name = in.name() == null ? q.name() : in.name().trim();
        v.require(!name.isEmpty() && name.length() <= 100, "name", "1 to 100 characters");
        RoutingStrategy strategy = q.strategy();
        if (in.strategy() != null) {
            try {
                strategy = RoutingStrategy.valueOf(in.strategy());
            } catch (IllegalArgumentException e) {
                v.require(false, "strategy", "one of LONGEST_IDLE, SKILLS, ROUND_ROBIN, FEWEST_CALLS, RING_ALL");
            }
        }
        int priority = range(v, "priority", in.priority(), q.priority(), 0, MAX_PRIORITY);
        int maxWait = range(v, "maxWaitSeconds", in.maxWaitSeconds(), q.maxWaitSeconds(), 0, MAX_SECONDS);
        int wrapUp = range(v, "wrapUpSeconds", in.wrapUpSeconds(), q.wrapUpSeconds(), 0, MAX_SECONDS);
        int serviceLevel = range(v, "serviceLevelSeconds", in.serviceLevelSeconds(), q.serviceLevelSeconds(), 0,
                MAX_SECONDS);
        int offerTimeout = range(v, "offerTimeoutSeconds", in.offerTimeoutSeconds(), q.offerTimeoutSeconds(), 1, 3600);
        int relaxAfter = range(v, "relaxAfterSeconds", in.relaxAfterSeconds(), q.relaxAfterSeconds(), 0, MAX_SECONDS);
        int relaxStep = range(v, "relaxStep", in.relaxStep(), q.relaxStep(), 0, 10);
        String overflow = in.clearOverflow() ? null : in.overflowQueueId() != null ? in.overflowQueueId()
                : q.overflowQueueId();
        v.require(overflow == null || !overflow.equals(q.id()), "overflowQueueId", "a queue cannot overflow into itself");
        v.require(overflow == null || overflow.equals(q.id()) || queues.find(tenant, overflow).isPresent(),
                "overflowQueueId", "names no queue of this tenant");
        v.throwIfInvalid();
        Skills skills = in.requiredSkills() == null ? q.requiredSkills() : Skills.of(in.requiredSkills(), "requiredSkills");
        boolean recordCalls = in.recordCalls() == null ? q.recordCalls() : in.recordCalls();
        return new QueueConfig(q.id(), name, strategy, skills, priority, maxWait, overflow, wrapUp, serviceLevel,
                offerTimeout, relaxAfter, relaxStep, recordCalls);
    }

    private static int range(Validator v, String field, Integer value, int current, int min, int max) {
        if (value == null) {
            return current;
        }
        v.require(value >= min && value <= max, field, "must be " + min + " to " + max);
        return value < min || value > max ? current : value;
    }
}
