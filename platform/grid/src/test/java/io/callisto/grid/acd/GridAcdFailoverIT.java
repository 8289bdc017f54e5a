package io.callisto.grid.acd;

import static org.assertj.core.api.Assertions.assertThat;

import com.oracle.bedrock.junit.CoherenceClusterExtension;
import com.oracle.bedrock.junit.SessionBuilders;
import com.oracle.bedrock.runtime.coherence.CoherenceClusterMember;
import com.oracle.bedrock.runtime.coherence.options.CacheConfig;
import com.oracle.bedrock.runtime.coherence.options.ClusterName;
import com.oracle.bedrock.runtime.coherence.options.ClusterPort;
import com.oracle.bedrock.runtime.coherence.options.LocalHost;
import com.oracle.bedrock.runtime.coherence.options.LocalStorage;
import com.oracle.bedrock.runtime.coherence.options.RoleName;
import com.oracle.bedrock.runtime.coherence.options.WellKnownAddress;
import com.oracle.bedrock.runtime.java.options.IPv4Preferred;
import com.oracle.bedrock.runtime.options.DisplayName;
import com.tangosol.net.Session;
import io.callisto.core.acd.Acd;
import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.AgentProfile;
import io.callisto.core.acd.AgentState;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.Interaction;
import io.callisto.core.acd.InteractionState;
import io.callisto.core.acd.NewInteraction;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.acd.Skills;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.ids.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three storage members in separate JVMs on loopback; this JVM joins storage-disabled and drives the ACD
 * while one storage member is killed with SIGKILL. Every interaction enqueued must be offered, accepted and
 * completed exactly once: nothing lost, nothing duplicated, never two voice calls on one agent.
 */
class GridAcdFailoverIT {
    private static final int TENANTS = 30;
    private static final int CALLS = 600;
    private static final List<String> AGENTS = List.of("ann", "bob", "cy");

    @RegisterExtension
    static final CoherenceClusterExtension CLUSTER = new CoherenceClusterExtension()
            .with(ClusterName.of("acd-failover-" + ProcessHandle.current().pid()), WellKnownAddress.loopback(),
                    LocalHost.only(), ClusterPort.automatic(), IPv4Preferred.yes(),
                    CacheConfig.of("callisto-cache-config.xml"),
                    // a loaded machine (2 cores, other JVMs busy) can take minutes to start three members
                    com.oracle.bedrock.options.Timeout.after(4, java.util.concurrent.TimeUnit.MINUTES))
            .include(3, CoherenceClusterMember.class, LocalStorage.enabled(), RoleName.of("storage"),
                    DisplayName.of("storage"));

    private final Map<String, Integer> completed = new ConcurrentHashMap<>();

    @Test
    void killingAStorageMemberLosesAndDuplicatesNothing() throws Exception {
        Session session = CLUSTER.buildSession(SessionBuilders.storageDisabledMember(RoleName.of("client"),
                CacheConfig.of("callisto-cache-config.xml")));
        Acd acd = new GridAcd(session::getMap, Clock.systemUTC());
        List<TenantId> tenants = IntStream.range(0, TENANTS).mapToObj(i -> new TenantId("tfail" + i)).toList();
        tenants.forEach(t -> setUp(acd, t));

        AtomicInteger enqueued = new AtomicInteger();
        AtomicBoolean producing = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
            Future<?> agents = pool.submit(() -> workOffers(acd, tenants, producing));
            List<Future<?>> producers = IntStream.range(0, 4).<Future<?>>mapToObj(p -> pool.submit(() -> {
                for (int i = p; i < CALLS; i += 4) {
                    acd.execute(tenants.get(i % TENANTS), new AcdCommand.Enqueue(new NewInteraction("call-" + i,
                            Channel.VOICE, "q", 0, null, "+1555" + i, null, null)));
                    if (enqueued.incrementAndGet() == CALLS / 3) {
                        killOneStorageMember(session);
                    }
                }
            })).toList();
            for (Future<?> producer : producers) {
                producer.get();
            }
            producing.set(false);
            agents.get();
        }

        assertThat(enqueued.get()).isEqualTo(CALLS);
        assertThat(completed).as("every call completed").hasSize(CALLS);
        assertThat(completed.values()).as("and only once").containsOnly(1);
        for (TenantId tenant : tenants) {
            TenantAcd state = acd.snapshot(tenant).orElseThrow();
            assertThat(state.interactions()).isEmpty();
            assertThat(state.seatsInUse()).isEqualTo(AGENTS.size());
        }
        // What reports keep went through the outbox, written atomically with each state change: every call
        // ended exactly once there too, although the grid re-ran commands whose member died.
        Map<String, Integer> recorded = new java.util.HashMap<>();
        GridOutboxDrainer drainer = new GridOutboxDrainer(session::getMap, batches -> batches.forEach(b ->
                b.events().stream().filter(AcdEvent.Ended.class::isInstance).map(AcdEvent.Ended.class::cast)
                        .forEach(e -> recorded.merge(e.record().interactionId(), 1, Integer::sum))));
        while (drainer.drainOnce() > 0) {
            // until the outbox is empty
        }
        assertThat(recorded).as("every call's end reached the outbox").hasSize(CALLS);
        assertThat(recorded.values()).as("exactly once").containsOnly(1);
        long storageMembers = com.tangosol.net.CacheFactory.getCluster().getMemberSet().stream()
                .map(com.tangosol.net.Member.class::cast).filter(m -> "storage".equals(m.getRoleName())).count();
        assertThat(storageMembers).as("one of the three storage members was killed").isEqualTo(2);
    }

    private static void setUp(Acd acd, TenantId tenant) {
        acd.execute(tenant, new AcdCommand.SetSeats(AGENTS.size()));
        acd.execute(tenant, new AcdCommand.ConfigureQueue(new QueueConfig("q", "q", RoutingStrategy.LONGEST_IDLE,
                Skills.NONE, 0, 0, null, 0, 20, 300, 0, 1)));
        for (String agent : AGENTS) {
            acd.execute(tenant, new AcdCommand.UpsertAgent(new AgentProfile(agent, Skills.NONE, Set.of("q"), Map.of())));
            acd.execute(tenant, new AcdCommand.SetPresence(agent, AgentState.AVAILABLE, null));
        }
    }

    /** The agents: accept what is offered, complete what is connected, until everything is done. */
    private void workOffers(Acd acd, List<TenantId> tenants, AtomicBoolean producing) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        boolean busy = true;
        while ((producing.get() || busy) && Instant.now().isBefore(deadline)) {
            busy = false;
            for (TenantId tenant : tenants) {
                TenantAcd state = acd.snapshot(tenant).orElseThrow();
                for (Interaction i : List.copyOf(state.interactions())) {
                    busy = true;
                    if (i.state() == InteractionState.ROUTED) {
                        acd.execute(tenant, new AcdCommand.Accept(i.id(), i.offeredTo().iterator().next()));
                    } else if (i.state() == InteractionState.CONNECTED) {
                        for (AcdEvent e : acd.execute(tenant, new AcdCommand.Complete(i.id(), i.agentId(), "ok", null))) {
                            if (e instanceof AcdEvent.Ended ended) {
                                completed.merge(ended.record().interactionId(), 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
    }

    /** SIGKILL to one storage member, found by the process id Coherence reports for it. */
    private static void killOneStorageMember(Session session) {
        long self = ProcessHandle.current().pid();
        com.tangosol.net.Member victim = com.tangosol.net.CacheFactory.getCluster().getMemberSet().stream()
                .map(com.tangosol.net.Member.class::cast)
                .filter(m -> "storage".equals(m.getRoleName()) && !String.valueOf(self).equals(m.getProcessName()))
                .findFirst().orElseThrow();
        ProcessHandle.of(Long.parseLong(victim.getProcessName())).orElseThrow().destroyForcibly();
    }
}
