package io.callisto.core.testing;

import io.callisto.core.acd.InteractionRecord;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.agent.AgentSettings;
import io.callisto.core.agent.AgentStateChange;
import io.callisto.core.agent.AwayReason;
import io.callisto.core.auth.ApiKey;
import io.callisto.core.auth.RefreshToken;
import io.callisto.core.billing.BillingAccount;
import io.callisto.core.billing.InvoiceRecord;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.contract.RepositoryFixture;
import io.callisto.core.crm.Contact;
import io.callisto.core.ids.TenantId;
import io.callisto.core.telephony.NumberConfig;
import io.callisto.core.telephony.Trunk;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * In-memory implementation of every persistence port, for unit tests of services and the HTTP layer.
 * A unit of work holds one lock and restores a snapshot when it fails, so it is atomic like the database.
 */
public final class InMemoryStore implements Transactions, RepositoryFixture {
    final Map<TenantId, Tenant> tenants = new HashMap<>();
    final Map<String, User> users = new HashMap<>();
    final Map<String, ApiKey> apiKeys = new HashMap<>();
    final Map<String, RefreshToken> refreshTokens = new HashMap<>();
    final Map<Owned, AgentSettings> agents = new HashMap<>();
    final Map<Owned, QueueConfig> queues = new HashMap<>();
    final Map<TenantId, List<AwayReason>> awayReasons = new HashMap<>();
    final Map<Owned, AgentStateChange> stateChanges = new HashMap<>();
    final Map<Owned, InteractionRecord> interactions = new HashMap<>();
    final Map<Owned, Contact> contacts = new HashMap<>();
    final Map<TenantId, BillingAccount> billingAccounts = new HashMap<>();
    final Map<String, InMemoryWebhookInbox.Row> webhookEvents = new HashMap<>();
    final Map<Owned, InMemoryUsageLedger.Row> usage = new HashMap<>();
    final Map<Owned, InvoiceRecord> invoices = new HashMap<>();
    final Map<Owned, Trunk> trunks = new HashMap<>();
    final Map<Owned, NumberConfig> numbers = new HashMap<>();
    final Map<Owned, CallRecord> callRecords = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<TenantId> unitTenant = new ThreadLocal<>();
    private final InMemoryTenantRepository tenantRepository = new InMemoryTenantRepository(this);
    private final InMemoryUserRepository userRepository = new InMemoryUserRepository(this);
    private final InMemoryApiKeyRepository apiKeyRepository = new InMemoryApiKeyRepository(this);
    private final InMemoryRefreshTokenRepository refreshTokenRepository = new InMemoryRefreshTokenRepository(this);
    private final InMemoryAgentSettingsRepository agentRepository = new InMemoryAgentSettingsRepository(this);
    private final InMemoryQueueRepository queueRepository = new InMemoryQueueRepository(this);
    private final InMemoryAwayReasonRepository awayReasonRepository = new InMemoryAwayReasonRepository(this);
    private final InMemoryAgentStateLog agentStateLog = new InMemoryAgentStateLog(this);
    private final InMemoryInteractionHistory interactionHistory = new InMemoryInteractionHistory(this);
    private final InMemoryContactRepository contactRepository = new InMemoryContactRepository(this);
    private final InMemoryBillingAccounts billingAccountRepository = new InMemoryBillingAccounts(this);
    private final InMemoryWebhookInbox webhookInbox = new InMemoryWebhookInbox(this);
    private final InMemoryUsageLedger usageLedger = new InMemoryUsageLedger(this);
    private final InMemoryInvoiceLedger invoiceLedger = new InMemoryInvoiceLedger(this);
    private final InMemoryTenantPurge tenantPurge = new InMemoryTenantPurge(this);
    private final InMemoryTrunkRepository trunkRepository = new InMemoryTrunkRepository(this);
    private final InMemoryNumberRepository numberRepository = new InMemoryNumberRepository(this);
    private final InMemoryCallRecordRepository callRecordRepository = new InMemoryCallRecordRepository(this);

    @Override
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        TenantId current = unitTenant.get();
        if (current != null) {
            requireSameTenant(tenant);
            return work.get();
        }
        lock.lock();
        Snapshot snapshot = new Snapshot(this);
        unitTenant.set(tenant);
        try {
            T result = work.get();
            if (failNextCommit) {
                failNextCommit = false;
                throw new IllegalStateException("the database failed at commit (injected)");
            }
            return result;
        } catch (RuntimeException | Error e) {
            snapshot.restore();
            throw e;
        } finally {
            unitTenant.remove();
            lock.unlock();
        }
    }

    private volatile boolean failNextCommit;

    /** The next unit of work does all its work and then fails to commit, like a database going away. */
    public void failNextCommit() {
        failNextCommit = true;
    }

    /** Units of work already run one at a time here; the lock only checks it is inside the right unit. */
    @Override
    public void lockTenant(TenantId tenant) {
        if (unitTenant.get() == null) {
            throw new IllegalStateException("lockTenant needs a unit of work");
        }
        requireSameTenant(tenant);
    }

    /** Runs one repository operation: inside the caller's unit of work, or atomically on its own. */
    <T> T access(TenantId tenant, Supplier<T> operation) {
        if (unitTenant.get() != null && tenant != null) {
            requireSameTenant(tenant);
        }
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    private void requireSameTenant(TenantId tenant) {
        TenantId current = unitTenant.get();
        if (!current.equals(tenant)) {
            throw new IllegalStateException("unit of work for tenant " + current + " used for tenant " + tenant);
        }
    }

    static String key(TenantId tenant, String id) {
        return tenant.value() + "/" + id;
    }

    /** The key of a tenant-owned item: its tenant and its id within the tenant. */
    record Owned(TenantId tenant, String id) {
    }

    /** The items of one tenant in a table keyed by {@link Owned}. */
    static <V> Stream<V> ofTenant(Map<Owned, V> table, TenantId tenant) {
        return table.entrySet().stream().filter(e -> e.getKey().tenant().equals(tenant)).map(Map.Entry::getValue);
    }

    @Override
    public Transactions transactions() {
        return this;
    }

    @Override
    public InMemoryTenantRepository tenants() {
        return tenantRepository;
    }

    @Override
    public InMemoryUserRepository users() {
        return userRepository;
    }

    @Override
    public InMemoryApiKeyRepository apiKeys() {
        return apiKeyRepository;
    }

    @Override
    public InMemoryRefreshTokenRepository refreshTokens() {
        return refreshTokenRepository;
    }

    @Override
    public InMemoryAgentSettingsRepository agents() {
        return agentRepository;
    }

    @Override
    public InMemoryQueueRepository queues() {
        return queueRepository;
    }

    @Override
    public InMemoryAwayReasonRepository awayReasons() {
        return awayReasonRepository;
    }

    @Override
    public InMemoryAgentStateLog agentStateLog() {
        return agentStateLog;
    }

    @Override
    public InMemoryInteractionHistory interactionHistory() {
        return interactionHistory;
    }

    @Override
    public InMemoryContactRepository contacts() {
        return contactRepository;
    }

    @Override
    public InMemoryBillingAccounts billingAccounts() {
        return billingAccountRepository;
    }

    @Override
    public InMemoryWebhookInbox webhookInbox() {
        return webhookInbox;
    }

    @Override
    public InMemoryUsageLedger usageLedger() {
        return usageLedger;
    }

    @Override
    public InMemoryInvoiceLedger invoiceLedger() {
        return invoiceLedger;
    }

    @Override
    public InMemoryTenantPurge tenantPurge() {
        return tenantPurge;
    }

    @Override
    public InMemoryTrunkRepository trunks() {
        return trunkRepository;
    }

    @Override
    public InMemoryNumberRepository numbers() {
        return numberRepository;
    }

    @Override
    public InMemoryCallRecordRepository callRecords() {
        return callRecordRepository;
    }

    /** Every table; values are immutable, so a shallow copy of each is a snapshot of the store. */
    private List<Map<?, ?>> tables() {
        return List.of(tenants, users, apiKeys, refreshTokens, agents, queues, awayReasons, stateChanges, interactions,
                contacts, billingAccounts, webhookEvents, usage, invoices, trunks, numbers, callRecords);
    }

    /** Every table, for deleting a tenant's rows. */
    List<Map<?, ?>> tablesForPurge() {
        return tables();
    }

    /** The tables as they were when a unit of work began, put back when it fails. */
    private record Snapshot(List<Runnable> restores) {
        Snapshot(InMemoryStore s) {
            this(s.tables().stream().map(Snapshot::saved).toList());
        }

        private static <K, V> Runnable saved(Map<K, V> table) {
            Map<K, V> copy = new HashMap<>(table);
            return () -> {
                table.clear();
                table.putAll(copy);
            };
        }

        void restore() {
            restores.forEach(Runnable::run);
        }
    }
}
