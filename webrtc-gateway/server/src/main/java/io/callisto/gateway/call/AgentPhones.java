package io.callisto.gateway.call;

import io.callisto.core.agent.AgentSettingsRepository;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tx.Transactions;
import io.callisto.gateway.sip.registrar.Binding;
import io.callisto.gateway.sip.registrar.BindingStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/** An agent's registered SIP phones, newest registration first. */
public final class AgentPhones {
    private final Transactions tx;
    private final AgentSettingsRepository agents;
    private final BindingStore bindings;
    private final Clock clock;

    public AgentPhones(Transactions tx, AgentSettingsRepository agents, BindingStore bindings, Clock clock) {
        this.tx = tx;
        this.agents = agents;
        this.bindings = bindings;
        this.clock = clock;
    }

    /** The agent whose SIP username this is, if any (a transfer's target). */
    public java.util.Optional<String> agentWithSipUsername(TenantId tenant, String username) {
        return tx.inTenant(tenant, () -> agents.findBySipUsername(tenant, username)).map(a -> a.agentId());
    }

    public List<Binding> of(TenantId tenant, String agentId) {
        String username = tx.inTenant(tenant, () -> agents.find(tenant, agentId)).map(a -> a.sipUsername()).orElse(null);
        if (username == null) {
            return List.of();
        }
        return bindings.find(tenant, username, clock.instant()).stream()
                .sorted(Comparator.comparing(Binding::expiresAt).reversed()).toList();
    }
}
