package io.callisto.gateway.registrar;

import io.callisto.core.agent.AgentSettings;
import io.callisto.core.agent.AgentSettingsRepository;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tx.Transactions;
import io.callisto.gateway.sip.registrar.SipAccount;
import io.callisto.gateway.sip.registrar.SipAccounts;
import java.util.Optional;

/** Agents' SIP accounts read from the platform's store (the all-in-one and platform-colocated gateway). */
public final class StoredSipAccounts implements SipAccounts {
    private final Transactions tx;
    private final AgentSettingsRepository agents;

    public StoredSipAccounts(Transactions tx, AgentSettingsRepository agents) {
        this.tx = tx;
        this.agents = agents;
    }

    @Override
    public Optional<SipAccount> find(TenantId tenant, String username) {
        try {
            return tx.inTenant(tenant, () -> agents.findBySipUsername(tenant, username))
                    .filter(a -> a.sipDigest() != null)
                    .map(StoredSipAccounts::account);
        } catch (RuntimeException e) {
            // a tenant id that names no tenant reads as no account, like an unknown user
            return Optional.empty();
        }
    }

    private static SipAccount account(AgentSettings agent) {
        return new SipAccount(agent.agentId(), agent.sipDigest().md5(), agent.sipDigest().sha256());
    }
}
