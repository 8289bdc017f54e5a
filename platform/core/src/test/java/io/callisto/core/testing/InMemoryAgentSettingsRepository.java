package io.callisto.core.testing;

import io.callisto.core.agent.AgentSettings;
import io.callisto.core.agent.AgentSettingsRepository;
import io.callisto.core.error.Errors;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.testing.InMemoryStore.Owned;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** AgentSettingsRepository over the in-memory store. */
public final class InMemoryAgentSettingsRepository implements AgentSettingsRepository {
    private final InMemoryStore store;

    InMemoryAgentSettingsRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(TenantId tenant, AgentSettings agent) {
        store.access(tenant, () -> {
            Owned key = new Owned(tenant, agent.agentId());
            if (store.agents.containsKey(key)) {
                throw Errors.conflict("duplicate-agent", "this user already is an agent");
            }
            requireSipUsernameFree(tenant, agent);
            store.agents.put(key, agent);
            return null;
        });
    }

    @Override
    public Optional<AgentSettings> find(TenantId tenant, String agentId) {
        return store.access(tenant, () -> Optional.ofNullable(store.agents.get(new Owned(tenant, agentId))));
    }

    @Override
    public Optional<AgentSettings> findBySipUsername(TenantId tenant, String sipUsername) {
        return store.access(tenant, () -> InMemoryStore.ofTenant(store.agents, tenant)
                .filter(a -> a.sipUsername() != null && a.sipUsername().equals(sipUsername)).findFirst());
    }

    @Override
    public Page<AgentSettings> list(TenantId tenant, PageRequest page) {
        return store.access(tenant, () -> Page.ofFetched(InMemoryStore.ofTenant(store.agents, tenant)
                .filter(a -> page.after() == null || a.agentId().compareTo(page.after()) > 0)
                .sorted(Comparator.comparing(AgentSettings::agentId))
                .limit(page.limit() + 1L).toList(), page.limit(), AgentSettings::agentId));
    }

    @Override
    public List<AgentSettings> all(TenantId tenant) {
        return store.access(tenant, () -> InMemoryStore.ofTenant(store.agents, tenant)
                .sorted(Comparator.comparing(AgentSettings::agentId)).toList());
    }

    @Override
    public boolean update(TenantId tenant, AgentSettings agent) {
        return store.access(tenant, () -> {
            Owned key = new Owned(tenant, agent.agentId());
            if (!store.agents.containsKey(key)) {
                return false;
            }
            requireSipUsernameFree(tenant, agent);
            store.agents.put(key, agent);
            return true;
        });
    }

    @Override
    public boolean delete(TenantId tenant, String agentId) {
        return store.access(tenant, () -> store.agents.remove(new Owned(tenant, agentId)) != null);
    }

    private void requireSipUsernameFree(TenantId tenant, AgentSettings agent) {
        boolean taken = agent.sipUsername() != null && InMemoryStore.ofTenant(store.agents, tenant)
                .anyMatch(a -> agent.sipUsername().equals(a.sipUsername()) && !a.agentId().equals(agent.agentId()));
        if (taken) {
            throw Errors.conflict("duplicate-sip-username", "an agent with this SIP username already exists");
        }
    }
}
