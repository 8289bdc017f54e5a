package io.callisto.core.contract;

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
import io.callisto.core.tenant.TenantRepository;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.UserRepository;

/** One implementation of the persistence ports, as the contract tests see it. */
public interface RepositoryFixture extends AutoCloseable {
    Transactions transactions();

    TenantRepository tenants();

    UserRepository users();

    ApiKeyRepository apiKeys();

    RefreshTokenRepository refreshTokens();

    AgentSettingsRepository agents();

    QueueRepository queues();

    AwayReasonRepository awayReasons();

    AgentStateLog agentStateLog();

    InteractionHistory interactionHistory();

    ContactRepository contacts();

    BillingAccountRepository billingAccounts();

    WebhookInbox webhookInbox();

    UsageLedger usageLedger();

    InvoiceLedger invoiceLedger();

    TenantPurge tenantPurge();

    TrunkRepository trunks();

    NumberRepository numbers();

    CallRecordRepository callRecords();

    @Override
    default void close() {
    }
}
