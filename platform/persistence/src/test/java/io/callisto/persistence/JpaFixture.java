package io.callisto.persistence;

import io.callisto.core.agent.AgentSettingsRepository;
import io.callisto.core.agent.AgentStateLog;
import io.callisto.core.agent.AwayReasonRepository;
import io.callisto.core.auth.ApiKeyRepository;
import io.callisto.core.auth.RefreshTokenRepository;
import io.callisto.core.crm.ContactRepository;
import io.callisto.core.interaction.InteractionHistory;
import io.callisto.core.queue.QueueRepository;
import io.callisto.core.contract.RepositoryFixture;
import io.callisto.core.tenant.TenantRepository;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.UserRepository;

/** The contracts' view of a started JpaPersistence. The database outlives the fixture: tests use fresh tenants. */
record JpaFixture(JpaPersistence db) implements RepositoryFixture {
    @Override
    public Transactions transactions() {
        return db.transactions();
    }

    @Override
    public TenantRepository tenants() {
        return db.tenants();
    }

    @Override
    public UserRepository users() {
        return db.users();
    }

    @Override
    public ApiKeyRepository apiKeys() {
        return db.apiKeys();
    }

    @Override
    public RefreshTokenRepository refreshTokens() {
        return db.refreshTokens();
    }

    @Override
    public AgentSettingsRepository agents() {
        return db.agents();
    }

    @Override
    public QueueRepository queues() {
        return db.queues();
    }

    @Override
    public AwayReasonRepository awayReasons() {
        return db.awayReasons();
    }

    @Override
    public AgentStateLog agentStateLog() {
        return db.agentStateLog();
    }

    @Override
    public InteractionHistory interactionHistory() {
        return db.interactionHistory();
    }

    @Override
    public ContactRepository contacts() {
        return db.contacts();
    }
}
