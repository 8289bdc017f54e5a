package io.callisto.persistence;

import io.callisto.core.agent.AgentSettingsRepository;
import io.callisto.core.agent.AgentStateLog;
import io.callisto.core.agent.AwayReasonRepository;
import io.callisto.core.auth.ApiKeyRepository;
import io.callisto.core.auth.RefreshTokenRepository;
import io.callisto.core.billing.BillingAccountRepository;
import io.callisto.core.billing.InvoiceLedger;
import io.callisto.core.billing.TenantPurge;
import io.callisto.core.billing.UsageLedger;
import io.callisto.core.billing.WebhookInbox;
import io.callisto.core.calls.CallRecordRepository;
import io.callisto.core.crm.ContactRepository;
import io.callisto.core.interaction.InteractionHistory;
import io.callisto.core.queue.QueueRepository;
import io.callisto.core.telephony.NumberRepository;
import io.callisto.core.telephony.TrunkRepository;
import io.callisto.core.contract.RepositoryFixture;
import io.callisto.core.tenant.TenantRepository;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.UserRepository;
import org.eclipse.persistence.config.QueryHints;

/**
 * The contracts' view of a started JpaPersistence. The database outlives the fixture: tests use fresh tenants.
 * The billing contracts also look across tenants (a customer's tenant, an event id, the due usage, the jobs'
 * queries) with fixed ids, as on an empty store; {@link #withEmptyBilling} gives them that view.
 */
record JpaFixture(JpaPersistence db) implements RepositoryFixture {
    /**
     * A fixture on a database whose billing tables are emptied first, every tenant's rows. Safe because the test
     * classes share a database only with their own tests, which run one at a time (no parallel execution).
     */
    static JpaFixture withEmptyBilling(JpaPersistence db) {
        db.jpaTransactions().detached(em -> {
            JpaTenantPurge.TABLES.stream().filter(table -> table.startsWith("billing_")).forEach(table ->
                    em.createNativeQuery("delete from " + table).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                            .executeUpdate());
            return null;
        });
        return new JpaFixture(db);
    }

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

    @Override
    public BillingAccountRepository billingAccounts() {
        return db.billingAccounts();
    }

    @Override
    public WebhookInbox webhookInbox() {
        return db.webhookInbox();
    }

    @Override
    public UsageLedger usageLedger() {
        return db.usageLedger();
    }

    @Override
    public InvoiceLedger invoiceLedger() {
        return db.invoiceLedger();
    }

    @Override
    public TenantPurge tenantPurge() {
        return db.tenantPurge();
    }

    @Override
    public TrunkRepository trunks() {
        return db.trunks();
    }

    @Override
    public NumberRepository numbers() {
        return db.numbers();
    }

    @Override
    public CallRecordRepository callRecords() {
        return db.callRecords();
    }
}
