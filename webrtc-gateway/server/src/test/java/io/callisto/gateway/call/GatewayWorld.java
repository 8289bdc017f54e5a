package io.callisto.gateway.call;

import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AgentState;
import io.callisto.core.acd.InMemoryAcd;
import io.callisto.core.agent.AgentService;
import io.callisto.core.auth.Caller;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.CallRecorder;
import io.callisto.core.contract.Fixtures;
import io.callisto.core.crm.ContactService;
import io.callisto.core.ids.TenantId;
import io.callisto.core.interaction.InteractionService;
import io.callisto.core.queue.QueueService;
import io.callisto.core.routing.EventRecorder;
import io.callisto.core.routing.LiveAcd;
import io.callisto.core.routing.SeatService;
import io.callisto.core.telephony.NumberService;
import io.callisto.core.telephony.StoredTelephonyDirectory;
import io.callisto.core.telephony.TrunkService;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.testing.InMemoryStore;
import io.callisto.core.testing.TestPorts;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import io.callisto.gateway.SipGateway;
import io.callisto.gateway.SipGatewayConfig;
import io.callisto.gateway.media.rtp.PortRange;
import io.callisto.gateway.media.rtp.RelayConfig;
import io.callisto.gateway.media.rtp.RelayEngine;
import io.callisto.gateway.registrar.StoredSipAccounts;
import io.callisto.gateway.sip.registrar.DigestRegistrarAuth;
import io.callisto.gateway.sip.registrar.InMemoryBindingStore;
import io.callisto.gateway.sip.registrar.Registrar;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The SIP edge over the in-memory store and ACD, as the distribution wires it over the database and the grid: one
 * tenant with a queue, a carrier trunk allowing 127.0.0.1, a number routed to the queue, and a gateway listening
 * on a free loopback port (UDP and TCP), its relay on 127.0.0.1:31000-31999. The call tests' and the robustness
 * tests' world.
 */
public final class GatewayWorld implements AutoCloseable {
    public static final String NUMBER = "+15551230000";
    /** The number {@link #outboundNumber} adds. */
    public static final String OUTBOUND_NUMBER = "+15558880000";
    public static final String PASSWORD = "Sip-Secret-42";
    public static final int OFFER_TIMEOUT_SECONDS = 4;
    public final Clock clock = Clock.systemUTC();
    public final InMemoryStore store = new InMemoryStore();
    public final InMemoryAcd acd = new InMemoryAcd(clock);
    public final LiveAcd live = new LiveAcd(acd, store, store.tenants(), store.queues(), store.agents());
    public final InMemoryBindingStore bindings = new InMemoryBindingStore();
    public final Tenant tenant = Fixtures.tenant();
    public final Caller admin = new Caller(tenant.id(), "admin-1", Caller.Kind.USER, Set.of(Role.ADMIN));
    public final AgentService agents = new AgentService(store, store.agents(), store.users(), store.queues(), live, clock);
    public final String queueId;
    public final String trunkId;
    public final SipGateway gateway;
    public final RelayEngine relay;
    public final java.nio.file.Path dataDir = java.nio.file.Files.createTempDirectory("gateway-world-");
    public final io.callisto.core.calls.FileRecordingStore recordings = new io.callisto.core.calls.FileRecordingStore(dataDir);
    // The grid's timer does this in the distribution: offers time out, wrap-ups end.
    private final java.util.concurrent.ScheduledExecutorService ticker =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

    public GatewayWorld() throws Exception {
        this(SipGatewayConfig.DEFAULT_RTP_TIMEOUT);
    }

    public GatewayWorld(java.time.Duration rtpTimeout) throws Exception {
        this(rtpTimeout, null);
    }

    public GatewayWorld(java.time.Duration rtpTimeout, java.nio.file.Path waitingMusic) throws Exception {
        this(rtpTimeout, waitingMusic, BrowserAgents.NONE);
    }

    /** With agents' softphones reached through {@code browsers} (a test's stand-in for the softphone package). */
    public GatewayWorld(java.time.Duration rtpTimeout, java.nio.file.Path waitingMusic, BrowserAgents browsers)
            throws Exception {
        store.runInTenant(tenant.id(), () -> store.tenants().insert(tenant));
        EventRecorder recorder = new EventRecorder(store, store.interactionHistory(), store.agentStateLog());
        acd.subscribe(batch -> recorder.record(List.of(batch)));
        new SeatService(store, store.tenants(), live, clock).lease(admin, 5);
        queueId = new QueueService(store, store.queues(), store.agents(), live, clock).create(admin,
                new QueueService.QueueInput("Support", "LONGEST_IDLE", null, null, null, null, false, 0, 0,
                        OFFER_TIMEOUT_SECONDS, null, null)).id();
        trunkId = new TrunkService(store, store.trunks(), clock).create(admin, new TrunkService.TrunkInput("Carrier",
                "CARRIER", "127.0.0.1", 5060, "UDP", null, null, false, null, List.of("127.0.0.1/32"), List.of(), null,
                50, true, Set.of())).id();
        new NumberService(store, store.numbers(), store.trunks(), store.queues(), clock).create(admin,
                new NumberService.NumberInput(NUMBER, "Main", trunkId, new NumberService.TargetInput("QUEUE", queueId,
                        null), Set.of()));
        relay = new RelayEngine(RelayConfig.of(InetAddress.getLoopbackAddress(), PortRange.parse("31000-31999")));
        ContactService contacts = new ContactService(store, store.contacts(), clock);
        CallServices services = new CallServices(new StoredTelephonyDirectory(store, store.trunks(), store.numbers()),
                live, new InteractionService(store, live, store.interactionHistory(), contacts), contacts,
                new AgentPhones(store, store.agents(), bindings, clock), relay, new CallRecorder(store,
                store.callRecords()), recordings, clock, "127.0.0.1", browsers);
        Registrar registrar = new Registrar(new StoredSipAccounts(store, store.agents()), bindings,
                new DigestRegistrarAuth("test-secret-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                clock);
        gateway = SipGateway.start(new SipGatewayConfig("127.0.0.1", TestPorts.free(), "127.0.0.1", "31000-31999",
                        rtpTimeout, null, null, waitingMusic),
                services,
                registrar, acd);
        ticker.scheduleWithFixedDelay(() -> {
            try {
                live.execute(tenant.id(), new AcdCommand.Tick());
            } catch (RuntimeException e) {
                // a refused tick changes nothing
            }
        }, 250, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public TenantId id() {
        return tenant.id();
    }

    /** An agent of the queue with a SIP username and password; returns its agent id. */
    public String agent(String sipUsername) {
        User user = Fixtures.user(tenant.id(), sipUsername + "@example.test", Role.AGENT);
        store.runInTenant(tenant.id(), () -> store.users().insert(tenant.id(), user));
        agents.create(admin, new AgentService.AgentInput(user.id().value(), null, Set.of(queueId), null, sipUsername,
                PASSWORD, false));
        return user.id().value();
    }

    /** A sipp SIP phone for the agent with this SIP username, registered, answering with {@code scenario}. */
    public io.callisto.gateway.sipp.SippProcess phone(String user, String scenario, int calls) {
        io.callisto.gateway.sipp.SippProcess phone = io.callisto.gateway.sipp.Sipp.scenario("agent_register.xml")
                .remote("127.0.0.1", gateway.sipPort()).set("user", user).set("domain", id().value())
                .set("calls", calls).auth(user, PASSWORD).authUri(id().value()).outOfCall(scenario)
                .rtpEndpoint(io.callisto.gateway.sipp.RtpEndpoint.Mode.ECHO).timeout(java.time.Duration.ofSeconds(90))
                .start();
        org.assertj.core.api.Assertions.assertThat(phone.awaitRegistered(java.time.Duration.ofSeconds(20)))
                .as("%s registered", user).isTrue();
        return phone;
    }

    /**
     * A customer an agent calls: sipp behind a carrier trunk ({@link #outboundNumber} on its port) answering and then
     * talking without a break (customer_answer_stream.xml, four seconds of a 440 Hz tone in mu-law, looped) until BYE.
     */
    public io.callisto.gateway.sipp.SippProcess talkingCustomer() throws java.io.IOException {
        byte[] voice = new byte[8000 * 4];
        for (int i = 0; i < voice.length; i++) {
            voice[i] = io.callisto.gateway.media.audio.G711.linearToUlaw((int) (6000 * Math.sin(2 * Math.PI * 440 * i
                    / 8000)));
        }
        java.nio.file.Path work = java.nio.file.Files.createTempDirectory("customer-");
        java.nio.file.Files.write(work.resolve("voice.ulaw"), voice);
        return io.callisto.gateway.sipp.Sipp.scenario("customer_answer_stream.xml").workDir(work)
                .timeout(java.time.Duration.ofSeconds(90)).start();
    }

    /**
     * A carrier trunk to a customer's sipp on {@code port}, and the tenant's number {@value #OUTBOUND_NUMBER} on it
     * (the caller id of calls placed through it); returns the trunk's id.
     */
    public String outboundNumber(int port) {
        String trunk = new TrunkService(store, store.trunks(), clock).create(admin, new TrunkService.TrunkInput(
                "Outbound carrier", "CARRIER", "127.0.0.1", port, "UDP", null, null, false, null,
                List.of("127.0.0.1/32"), List.of(), null, 5, true, Set.of())).id();
        new NumberService(store, store.numbers(), store.trunks(), store.queues(), clock).create(admin,
                new NumberService.NumberInput(OUTBOUND_NUMBER, null, trunk, new NumberService.TargetInput("QUEUE",
                        queueId, null), Set.of()));
        return trunk;
    }

    public void available(String agentId) {
        live.execute(tenant.id(), new AcdCommand.SetPresence(agentId, AgentState.AVAILABLE, null));
    }

    public void away(String agentId) {
        live.execute(tenant.id(), new AcdCommand.SetPresence(agentId, AgentState.AWAY, "break"));
    }

    public AgentState stateOf(String agentId) {
        return live.snapshot(tenant.id()).agent(agentId).orElseThrow().state();
    }

    public List<CallRecord> callRecords() {
        return store.inTenant(tenant.id(), () -> store.callRecords().list(tenant.id(),
                new io.callisto.core.calls.CallFilter(null, null, null, null), io.callisto.core.page.PageRequest.first(200))
                .items());
    }

    public int sipPort() {
        return gateway.sipPort();
    }

    /** Interactions the ACD still holds (queued, offered or connected calls). */
    public int interactions() {
        return live.snapshot(tenant.id()).interactions().size();
    }

    /**
     * The dialogs the SIP stack holds (JAIN-SIP's dialog table, read by reflection: SipGateway.endpoint, then
     * SipEndpoint.stack); -1 when the fields are not there any more.
     */
    public int stackDialogs() {
        try {
            java.lang.reflect.Field endpoint = SipGateway.class.getDeclaredField("endpoint");
            endpoint.setAccessible(true);
            Object sip = endpoint.get(gateway);
            java.lang.reflect.Field stack = sip.getClass().getDeclaredField("stack");
            stack.setAccessible(true);
            Object jainSip = stack.get(sip);
            return ((java.util.Collection<?>) jainSip.getClass().getMethod("getDialogs").invoke(jainSip)).size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        gateway.close();
    }
}
