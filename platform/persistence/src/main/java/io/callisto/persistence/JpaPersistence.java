package io.callisto.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.callisto.core.agent.AgentSettingsRepository;
import io.callisto.core.agent.AgentStateLog;
import io.callisto.core.agent.AwayReasonRepository;
import io.callisto.core.auth.ApiKeyRepository;
import io.callisto.core.auth.ClusterSecretRepository;
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
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.Map;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.flywaydb.core.Flyway;

/**
 * The platform's database: a connection pool, the schema migrated to the latest version, and the
 * repositories and units of work over it. Start once per process with {@link #start}, close on shutdown.
 */
public final class JpaPersistence implements AutoCloseable {
    static final String UNIT_NAME = "callisto";
    private static final System.Logger LOG = System.getLogger(JpaPersistence.class.getName());

    private final HikariDataSource dataSource;
    private final EntityManagerFactory emf;
    private final JpaTransactions transactions;
    private final DatabaseHealth health;
    private final TenantRepository tenants;
    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final RefreshTokenRepository refreshTokens;
    private final ClusterSecretRepository clusterSecrets;
    private final AgentSettingsRepository agents;
    private final QueueRepository queues;
    private final AwayReasonRepository awayReasons;
    private final AgentStateLog agentStateLog;
    private final InteractionHistory interactionHistory;
    private final ContactRepository contacts;
    private final BillingAccountRepository billingAccounts;
    private final WebhookInbox webhookInbox;
    private final UsageLedger usageLedger;
    private final InvoiceLedger invoiceLedger;
    private final TenantPurge tenantPurge;
    private final TrunkRepository trunks;
    private final NumberRepository numbers;
    private final CallRecordRepository callRecords;

    private JpaPersistence(HikariDataSource dataSource, EntityManagerFactory emf) {
        this.dataSource = dataSource;
        this.emf = emf;
        this.transactions = new JpaTransactions(emf);
        this.health = new DatabaseHealth(dataSource);
        this.tenants = new JpaTenantRepository(transactions);
        this.users = new JpaUserRepository(transactions);
        this.apiKeys = new JpaApiKeyRepository(transactions);
        this.refreshTokens = new JpaRefreshTokenRepository(transactions);
        this.clusterSecrets = new JpaClusterSecretRepository(transactions, Clock.systemUTC());
        this.agents = new JpaAgentSettingsRepository(transactions);
        this.queues = new JpaQueueRepository(transactions);
        this.awayReasons = new JpaAwayReasonRepository(transactions);
        this.agentStateLog = new JpaAgentStateLog(transactions);
        this.interactionHistory = new JpaInteractionHistory(transactions);
        this.contacts = new JpaContactRepository(transactions);
        this.billingAccounts = new JpaBillingAccounts(transactions);
        this.webhookInbox = new JpaWebhookInbox(transactions);
        this.usageLedger = new JpaUsageLedger(transactions);
        this.invoiceLedger = new JpaInvoiceLedger(transactions);
        this.tenantPurge = new JpaTenantPurge(transactions);
        this.trunks = new JpaTrunkRepository(transactions);
        this.numbers = new JpaNumberRepository(transactions);
        this.callRecords = new JpaCallRecordRepository(transactions);
    }

    /**
     * Opens the pool, migrates the schema (Flyway; a no-op when it is current, and safe to run from
     * several members at once) and builds the EntityManagerFactory. Fails fast if the database is unreachable.
     */
    public static JpaPersistence start(PersistenceConfig config) {
        HikariDataSource dataSource = new HikariDataSource(poolConfig(config));
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.log(System.Logger.Level.INFO, "database schema at version {0} ({1} migrations applied now)",
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
            EntityManagerFactory emf = jakarta.persistence.Persistence.createEntityManagerFactory(UNIT_NAME,
                    Map.of(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource));
            try {
                // Deploys the unit now (logs in, checks mappings) instead of on the first request.
                emf.createEntityManager().close();
            } catch (RuntimeException e) {
                emf.close();
                throw e;
            }
            return new JpaPersistence(dataSource, emf);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariConfig poolConfig(PersistenceConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("callisto-db");
        pool.setJdbcUrl(config.jdbcUrl());
        pool.setUsername(config.user());
        pool.setPassword(config.password());
        pool.setMaximumPoolSize(config.maxPoolSize());
        // A request waits at most this long for a connection, then fails instead of piling up.
        pool.setConnectionTimeout(10_000);
        if (!config.isH2()) {
            // Keep row values (emails) out of exception messages, which EclipseLink logs.
            pool.addDataSourceProperty("logServerErrorDetail", "false");
        }
        return pool;
    }

    public Transactions transactions() {
        return transactions;
    }

    public TenantRepository tenants() {
        return tenants;
    }

    public UserRepository users() {
        return users;
    }

    public ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    public RefreshTokenRepository refreshTokens() {
        return refreshTokens;
    }

    public ClusterSecretRepository clusterSecrets() {
        return clusterSecrets;
    }

    public AgentSettingsRepository agents() {
        return agents;
    }

    public QueueRepository queues() {
        return queues;
    }

    public AwayReasonRepository awayReasons() {
        return awayReasons;
    }

    public AgentStateLog agentStateLog() {
        return agentStateLog;
    }

    public InteractionHistory interactionHistory() {
        return interactionHistory;
    }

    public ContactRepository contacts() {
        return contacts;
    }

    public BillingAccountRepository billingAccounts() {
        return billingAccounts;
    }

    public WebhookInbox webhookInbox() {
        return webhookInbox;
    }

    public UsageLedger usageLedger() {
        return usageLedger;
    }

    public InvoiceLedger invoiceLedger() {
        return invoiceLedger;
    }

    /** Deletes every row of a tenant, the tenant last (when its retention period is over). */
    public TenantPurge tenantPurge() {
        return tenantPurge;
    }

    /**
     * The tenants' SIP trunks. Their passwords are stored in clear in the database (the gateway needs them to answer
     * carriers' digest challenges; a later hardening can encrypt them); the API never returns them.
     */
    public TrunkRepository trunks() {
        return trunks;
    }

    /** The tenants' phone numbers; {@link NumberRepository#route} looks a number up across tenants. */
    public NumberRepository numbers() {
        return numbers;
    }

    public CallRecordRepository callRecords() {
        return callRecords;
    }

    /** True when a connection answers {@code select 1} within a couple of seconds; for the health endpoint. */
    public boolean isHealthy() {
        return health.check();
    }

    /** For tests in this package: units of work with access to their EntityManager. */
    JpaTransactions jpaTransactions() {
        return transactions;
    }

    /** For tests: connections currently borrowed from the pool (0 when nothing leaks). */
    int activeConnections() {
        return dataSource.getHikariPoolMXBean().getActiveConnections();
    }

    /** Closes the EntityManagerFactory, then the pool (which, for embedded H2, closes the database). */
    @Override
    public void close() {
        try {
            emf.close();
        } finally {
            dataSource.close();
        }
    }
}
