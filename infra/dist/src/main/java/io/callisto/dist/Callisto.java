package io.callisto.dist;

import io.callisto.admin.agents.AgentsApi;
import io.callisto.admin.calls.CallsApi;
import io.callisto.admin.crm.ContactsApi;
import io.callisto.admin.queues.QueuesApi;
import io.callisto.admin.seats.SeatsApi;
import io.callisto.admin.telephony.NumbersApi;
import io.callisto.admin.telephony.TrunksApi;
import io.callisto.admin.users.UsersApi;
import io.callisto.billing.Billing;
import io.callisto.billing.BillingConfig;
import io.callisto.billing.BillingStores;
import io.callisto.core.agent.AgentService;
import io.callisto.core.agent.AgentStateService;
import io.callisto.core.agent.AwayReasonService;
import io.callisto.core.calls.CallRecordService;
import io.callisto.core.calls.CallRecorder;
import io.callisto.core.calls.FileRecordingStore;
import io.callisto.core.calls.RecordingStore;
import io.callisto.core.crm.ContactService;
import io.callisto.core.interaction.InteractionService;
import io.callisto.core.queue.QueueService;
import io.callisto.core.routing.EventRecorder;
import io.callisto.core.routing.LiveAcd;
import io.callisto.core.routing.RealtimeStats;
import io.callisto.core.routing.SeatService;
import io.callisto.core.telephony.NumberService;
import io.callisto.core.telephony.StoredTelephonyDirectory;
import io.callisto.core.telephony.TelephonyDirectory;
import io.callisto.core.telephony.TrunkService;
import io.callisto.core.tx.Transactions;
import io.callisto.core.auth.AccessTokens;
import io.callisto.core.auth.ApiKeyService;
import io.callisto.core.auth.AuthDependencies;
import io.callisto.core.auth.AuthService;
import io.callisto.core.auth.PasswordHasher;
import io.callisto.core.auth.ThrottlePolicy;
import io.callisto.core.signup.SignupService;
import io.callisto.core.tenant.TenantService;
import io.callisto.core.user.UserService;
import io.callisto.grid.GridConfig;
import io.callisto.grid.GridLoginThrottle;
import io.callisto.grid.GridNode;
import io.callisto.grid.acd.GridAcd;
import io.callisto.grid.acd.GridAcdEvents;
import io.callisto.grid.acd.GridAcdTimer;
import io.callisto.grid.acd.GridOutboxDrainer;
import io.callisto.persistence.JpaPersistence;
import io.callisto.persistence.PersistenceConfig;
import io.callisto.platform.PlatformConfig;
import io.callisto.platform.PlatformServer;
import io.callisto.platform.PlatformServices;
import io.callisto.platform.auth.Argon2PasswordHasher;
import io.callisto.platform.auth.JwtAccessTokens;
import io.callisto.platform.events.EventsHub;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.JsonBodies;
import io.callisto.platform.observe.HealthProbe;
import io.callisto.platform.work.AgentStateApi;
import io.callisto.platform.work.InteractionsApi;
import io.callisto.platform.work.StatsApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root: builds every part from settings and wires them. Nothing else in Callisto
 * constructs adapters; modules meet here and in core's ports.
 */
public final class Callisto implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Callisto.class.getName());
    private final List<AutoCloseable> parts = new ArrayList<>();
    // Millisecond ticks: what every database and JavaScript client keeps, so a value reads back as written.
    private final Clock clock = Clock.tickMillis(java.time.ZoneOffset.UTC);
    private final PasswordHasher hasher = Argon2PasswordHasher.owaspDefaults();
    private PlatformServer platform;
    private GatewayNode gateway;
    private JpaPersistence persistence;
    private AcdParts acdParts;
    private io.callisto.gateway.SipGateway sip;
    private io.callisto.gateway.softphone.Softphones softphones;
    // The API is built before the SIP edge starts; calls placed through it reach the edge once it runs.
    private final DeferredSipEdge sipEdge = new DeferredSipEdge();

    private Callisto() {
    }

    public static Callisto start(Settings settings) {
        Callisto callisto = new Callisto();
        try {
            callisto.startParts(settings);
            return callisto;
        } catch (RuntimeException e) {
            callisto.close();
            throw e;
        }
    }

    private void startParts(Settings settings) {
        Role role = Role.parse(settings.get("CALLISTO_ROLE", "all"));
        Path dataDir = Path.of(settings.get("CALLISTO_DATA_DIR", "./data")).toAbsolutePath().normalize();
        GridNode grid = GridNode.start(new GridConfig(settings.get("CALLISTO_CLUSTER", "callisto"),
                settings.get("CALLISTO_CLUSTER_WKA", "127.0.0.1"), settings.get("CALLISTO_CLUSTER_HOST", "127.0.0.1"),
                settings.getInt("CALLISTO_CLUSTER_PORT", GridConfig.DEFAULT_PORT, 1, 65_535),
                role.runsPlatform(), role.name().toLowerCase(java.util.Locale.ROOT)));
        parts.add(grid);
        int port = settings.getInt("CALLISTO_HTTP_PORT", 8080, 0, 65_535);
        String host = settings.get("CALLISTO_HTTP_HOST", "0.0.0.0");
        if (role.runsPlatform()) {
            persistence = JpaPersistence.start(persistenceConfig(settings, dataDir));
            parts.add(persistence);
            AcdParts acd = new AcdParts(grid, dataDir);
            acdParts = acd;
            Billing billing = billing(settings, acd.live);
            parts.add(billing);
            // The all-in-one process is also the media edge for browser softphones (ICE on CALLISTO_MEDIA_HOST).
            softphones = role == Role.ALL ? SoftphoneEdge.start(settings, acd.agentStates(), clock) : null;
            if (softphones != null) {
                parts.add(softphones);
            }
            PlatformServices platformServices = services(settings, grid, billing);
            java.util.function.Function<String, io.callisto.core.auth.Caller> authenticator =
                    platformServices.auth()::authenticate;
            List<io.callisto.platform.http.ApiService> apis = new java.util.ArrayList<>(acd.apis(billing));
            java.util.Map<String, java.util.function.Supplier<? extends io.helidon.websocket.WsListener>> sockets =
                    new java.util.HashMap<>();
            if (softphones != null) {
                apis.add(new SoftphoneApi(authenticator));
                sockets.put(io.callisto.gateway.softphone.SoftphoneSocket.PATH,
                        io.callisto.gateway.softphone.SoftphoneSocket.listeners(softphones, authenticator));
            }
            platform = PlatformServer.start(new PlatformConfig(host, port, PlatformConfig.DEFAULT_MAX_JSON_BYTES,
                            settings.getInt("CALLISTO_PUBLIC_RATE_LIMIT", 60, 0, 1_000_000),
                            trustedProxies(settings)),
                    platformServices, apis,
                    List.of(new HealthProbe("database", persistence::isHealthy),
                            new HealthProbe("grid", grid::isHealthy)), acd.events, sockets);
            parts.add(platform::stop);
            parts.add(acd.events);
            // Offer timeouts, wrap-up ends, overflows and skill relaxation happen on their own; their events go
            // out through the grid's event map like every command's.
            parts.add(new GridAcdTimer(grid.map(GridAcd.MAP), (tenant, events) -> LOG.log(System.Logger.Level.DEBUG,
                    "ACD timer: {0} event(s) for tenant {1}", events.size(), tenant))
                    .start(clock, Duration.ofSeconds(1)));
            // Finished interactions and agent state changes go from the grid's outbox to the database.
            // With billing on, finished calls' billable minutes go into the usage outbox in the same unit of work.
            parts.add(new GridOutboxDrainer(grid::map, new EventRecorder(persistence.transactions(),
                    persistence.interactionHistory(), persistence.agentStateLog(),
                    billing.usageLedgerOrNull(persistence.usageLedger()))::record)
                    .start(Duration.ofSeconds(2)));
            billing.startJobs(Billing.Schedule.from(settings::getOrNull));
            if (role == Role.ALL) {
                // The all-in-one process is also the SIP edge, on CALLISTO_SIP_HOST:CALLISTO_SIP_PORT (UDP and TCP).
                SipEdge.Platform calls = new SipEdge.Platform(acd.live, acd.interactions, acd.contacts, acd.recordings);
                sip = SipEdge.start(SipEdge.config(settings), grid, persistence, calls,
                        SigningKey.resolve(settings, persistence.clusterSecrets()), clock, softphones);
                parts.add(sip);
                sipEdge.target(sip.outbound(), sip.recordings());
            }
        }
        if (role == Role.GATEWAY) {
            gateway = GatewayNode.start(host, port, grid);
            parts.add(gateway);
        }
        LOG.log(System.Logger.Level.INFO, "Callisto started: role {0}, data in {1}", role, dataDir);
    }

    /** Billing on Stripe when STRIPE_API_KEY is set, disabled otherwise. */
    private Billing billing(Settings settings, LiveAcd live) {
        BillingConfig config = BillingConfig.from(settings::getOrNull);
        Billing billing = Billing.create(config, new BillingStores(persistence.transactions(), persistence.tenants(),
                persistence.billingAccounts(), persistence.webhookInbox(), persistence.usageLedger(),
                persistence.invoiceLedger(), persistence.tenantPurge(), live), persistence.users(), clock);
        LOG.log(System.Logger.Level.INFO, billing.enabled() ? "billing enabled: Stripe at {0}"
                : "billing disabled (no STRIPE_API_KEY): tenants are ACTIVE at sign-up", config.apiBase());
        return billing;
    }

    private PlatformServices services(Settings settings, GridNode grid, Billing billing) {
        AccessTokens tokens = new JwtAccessTokens(SigningKey.resolve(settings, persistence.clusterSecrets()),
                settings.getDuration("CALLISTO_ACCESS_TOKEN_TTL", Duration.ofMinutes(15)), clock);
        AuthService auth = new AuthService(new AuthDependencies(persistence.transactions(), persistence.tenants(),
                persistence.users(), persistence.refreshTokens(), persistence.apiKeys(), hasher, tokens,
                new GridLoginThrottle(grid, ThrottlePolicy.DEFAULT, clock), clock),
                settings.getDuration("CALLISTO_REFRESH_TOKEN_TTL", Duration.ofDays(30)));
        SignupService signups = new SignupService(persistence.transactions(), persistence.tenants(), persistence.users(),
                hasher, billing.signup(), clock);
        return new PlatformServices(auth, signups, userService(),
                new TenantService(persistence.transactions(), persistence.tenants()),
                new ApiKeyService(persistence.transactions(), persistence.apiKeys(), clock));
    }

    /** The ACD's services over the grid and the database, and the API services that expose them. */
    private final class AcdParts {
        private final LiveAcd live;
        private final AwayReasonService reasons;
        private final ContactService contacts;
        private final InteractionService interactions;
        private final RealtimeStats stats;
        private final EventsHub events;
        private final TelephonyDirectory telephony;
        private final CallRecorder callRecorder;
        private final RecordingStore recordings;

        AcdParts(GridNode grid, Path dataDir) {
            Transactions tx = persistence.transactions();
            live = new LiveAcd(new GridAcd(grid, clock), tx, persistence.tenants(), persistence.queues(),
                    persistence.agents());
            reasons = new AwayReasonService(tx, persistence.awayReasons());
            contacts = new ContactService(tx, persistence.contacts(), clock);
            interactions = new InteractionService(tx, live, persistence.interactionHistory(), contacts);
            stats = new RealtimeStats(live, clock);
            events = new EventsHub(new GridAcdEvents(grid::map), stats, Duration.ofSeconds(2));
            telephony = new StoredTelephonyDirectory(tx, persistence.trunks(), persistence.numbers());
            callRecorder = new CallRecorder(tx, persistence.callRecords());
            recordings = new FileRecordingStore(dataDir);
        }

        /** Agents' states as the API and the softphone set them. */
        AgentStateService agentStates() {
            return new AgentStateService(persistence.transactions(), live, reasons, persistence.agentStateLog());
        }

        List<ApiService> apis(Billing billing) {
            Transactions tx = persistence.transactions();
            return List.of(new UsersApi(userService(), bodies()),
                    new SeatsApi(new SeatService(tx, persistence.tenants(), live, clock, billing.seats()), bodies()),
                    billing.api(bodies()),
                    new QueuesApi(new QueueService(tx, persistence.queues(), persistence.agents(), live, clock), bodies()),
                    new AgentsApi(new AgentService(tx, persistence.agents(), persistence.users(), persistence.queues(), live,
                            clock), reasons, bodies()),
                    new ContactsApi(contacts, interactions, bodies()),
                    new InteractionsApi(interactions, bodies()),
                    new AgentStateApi(agentStates(), bodies()),
                    new StatsApi(stats),
                    new TrunksApi(new TrunkService(tx, persistence.trunks(), clock), bodies()),
                    new NumbersApi(new NumberService(tx, persistence.numbers(), persistence.trunks(), persistence.queues(),
                            clock), bodies()),
                    new CallsApi(new CallRecordService(tx, persistence.callRecords()), recordings,
                            new io.callisto.core.calls.ClickToDial(sipEdge),
                            new io.callisto.core.calls.CallRecordingControl(sipEdge), bodies()));
        }
    }

    private UserService userService() {
        return new UserService(persistence.transactions(), persistence.users(), persistence.refreshTokens(), hasher,
                clock);
    }

    private static java.util.Set<String> trustedProxies(Settings settings) {
        return java.util.Arrays.stream(settings.get("CALLISTO_TRUSTED_PROXIES", "").split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).collect(java.util.stream.Collectors.toSet());
    }

    private static JsonBodies bodies() {
        return new JsonBodies(PlatformConfig.DEFAULT_MAX_JSON_BYTES);
    }

    private static PersistenceConfig persistenceConfig(Settings settings, Path dataDir) {
        String url = settings.getOrNull("CALLISTO_DB_URL");
        if (url == null) {
            try {
                // The database holds password hashes and the signing key: owner-only.
                Files.createDirectories(dataDir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                createPlainDirectory(dataDir);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create the data directory " + dataDir, e);
            }
            return PersistenceConfig.embeddedH2(dataDir);
        }
        return new PersistenceConfig(url, settings.get("CALLISTO_DB_USER", "postgres"),
                settings.get("CALLISTO_DB_PASSWORD", ""),
                settings.getInt("CALLISTO_DB_POOL_SIZE", PersistenceConfig.DEFAULT_POOL_SIZE, 1, 500));
    }

    private static void createPlainDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data directory " + dir, e);
        }
    }

    /** The HTTP port the platform (or the gateway's observe endpoints) listen on. */
    public int httpPort() {
        return platform != null ? platform.port() : gateway.port();
    }

    /**
     * Interactions as the media gateway enters them (voice calls); the gateway arrives with the SIP edge, and until
     * then tests enter calls here exactly as it will.
     */
    public io.callisto.core.interaction.InteractionService interactions() {
        return acdParts.interactions;
    }

    /**
     * Which tenant a dialled number belongs to and where its calls go, and the tenants' trunks: the SIP gateway's
     * read port. Only where the platform runs (roles {@code all} and {@code platform}).
     */
    public TelephonyDirectory telephony() {
        return requireAcdParts().telephony;
    }

    /** How the gateway writes call detail records (idempotently, each in its own unit of work). */
    public CallRecorder callRecords() {
        return requireAcdParts().callRecorder;
    }

    /** Where the gateway writes call recordings: {@code <CALLISTO_DATA_DIR>/recordings/<tenantId>/<callId>.wav}. */
    public RecordingStore recordings() {
        return requireAcdParts().recordings;
    }

    private AcdParts requireAcdParts() {
        if (acdParts == null) {
            throw new IllegalStateException("only a node that runs the platform (role all or platform) has this");
        }
        return acdParts;
    }

    /** The browser softphones' edge (role all), or null. */
    public io.callisto.gateway.softphone.Softphones softphones() {
        return softphones;
    }

    /** The SIP edge of an all-in-one process (null in other roles). */
    public io.callisto.gateway.SipGateway sip() {
        return sip;
    }

    public PlatformServer platform() {
        return platform;
    }

    /** Stops in reverse order of start: HTTP first (draining requests in flight), then the database, then the grid. */
    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "error while stopping " + parts.get(i), e);
            }
        }
        parts.clear();
    }
}
