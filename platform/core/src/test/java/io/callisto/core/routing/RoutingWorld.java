package io.callisto.core.routing;

import io.callisto.core.acd.InMemoryAcd;
import io.callisto.core.agent.AgentService;
import io.callisto.core.agent.AgentStateService;
import io.callisto.core.agent.AwayReasonService;
import io.callisto.core.auth.Caller;
import io.callisto.core.contract.Fixtures;
import io.callisto.core.crm.ContactService;
import io.callisto.core.ids.TenantId;
import io.callisto.core.interaction.InteractionService;
import io.callisto.core.queue.QueueService;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.testing.InMemoryStore;
import io.callisto.core.testing.MutableClock;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import java.util.Set;

/**
 * Every routing service wired over the in-memory store and ACD, as the composition root wires them over the
 * database and the grid; the recorder subscribed to the ACD's events like the grid's outbox drainer.
 */
final class RoutingWorld {
    final MutableClock clock = new MutableClock(Fixtures.NOW);
    final InMemoryStore store = new InMemoryStore();
    final InMemoryAcd acd = new InMemoryAcd(clock);
    final LiveAcd live = new LiveAcd(acd, store, store.tenants(), store.queues(), store.agents());
    final SeatService seats = new SeatService(store, store.tenants(), live, clock);
    final QueueService queues = new QueueService(store, store.queues(), store.agents(), live, clock);
    final AgentService agents = new AgentService(store, store.agents(), store.users(), store.queues(), live, clock);
    final AwayReasonService reasons = new AwayReasonService(store, store.awayReasons());
    final AgentStateService states = new AgentStateService(store, live, reasons, store.agentStateLog());
    final ContactService contacts = new ContactService(store, store.contacts(), clock);
    final InteractionService interactions = new InteractionService(store, live, store.interactionHistory(), contacts);
    final RealtimeStats stats = new RealtimeStats(live, clock);
    final Tenant tenant = Fixtures.tenant();
    final Caller admin = caller("admin-1", Role.ADMIN);
    final Caller supervisor = caller("sup-1", Role.SUPERVISOR);

    RoutingWorld() {
        store.runInTenant(tenant.id(), () -> store.tenants().insert(tenant));
        EventRecorder recorder = new EventRecorder(store, store.interactionHistory(), store.agentStateLog());
        acd.subscribe(batch -> recorder.record(java.util.List.of(batch)));
    }

    TenantId id() {
        return tenant.id();
    }

    Caller caller(String userId, Role... roles) {
        return new Caller(tenant.id(), userId, Caller.Kind.USER, Set.of(roles));
    }

    /** A stored user with the role AGENT, made an agent of the given queues; returns the agent's caller. */
    Caller agent(String email, String... queueIds) {
        User user = Fixtures.user(tenant.id(), email, Role.AGENT);
        store.runInTenant(tenant.id(), () -> store.users().insert(tenant.id(), user));
        agents.create(admin, new AgentService.AgentInput(user.id().value(), null, Set.of(queueIds), null, null, null, false));
        return caller(user.id().value(), Role.AGENT);
    }

    String queue(String name, String strategy) {
        return queues.create(admin, new QueueService.QueueInput(name, strategy, null, null, null, null, false, null, null,
                null, null, null, null)).id();
    }
}
