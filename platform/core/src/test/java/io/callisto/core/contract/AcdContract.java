package io.callisto.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.acd.Acd;
import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.AgentProfile;
import io.callisto.core.acd.AgentState;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.InteractionState;
import io.callisto.core.acd.NewInteraction;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.acd.Skills;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Acd port's contract: atomic commands, typed refusals that change nothing, tenant isolation, concurrency. */
public abstract class AcdContract {
    private Acd acd;
    private TenantId a;
    private TenantId b;

    protected abstract Acd createAcd();

    @BeforeEach
    void setUp() {
        acd = createAcd();
        a = TenantId.generate();
        b = TenantId.generate();
        for (TenantId t : List.of(a, b)) {
            acd.execute(t, new AcdCommand.SetSeats(2));
            acd.execute(t, new AcdCommand.ConfigureQueue(QueueConfig.simple("sales", RoutingStrategy.LONGEST_IDLE)));
            acd.execute(t, new AcdCommand.ConfigureQueue(QueueConfig.simple("all", RoutingStrategy.RING_ALL)));
            for (String agent : List.of("ann", "bob", "cy")) {
                acd.execute(t, new AcdCommand.UpsertAgent(new AgentProfile(agent, Skills.NONE, Set.of("sales", "all"),
                        Map.of())));
            }
        }
    }

    private List<AcdEvent> call(TenantId t, String id, String queue) {
        return acd.execute(t, new AcdCommand.Enqueue(new NewInteraction(id, Channel.VOICE, queue, 0, null, "+1555",
                null, null)));
    }

    private static CallistoException refusal(Runnable command) {
        try {
            command.run();
        } catch (CallistoException e) {
            return e;
        }
        throw new AssertionError("the command was not refused");
    }

    @Test
    void aCallIsOfferedAcceptedAndCompleted() {
        acd.execute(a, new AcdCommand.SetPresence("ann", AgentState.AVAILABLE, null));
        List<AcdEvent> queued = call(a, "c1", "sales");
        assertThat(queued).filteredOn(AcdEvent.Offered.class::isInstance).hasSize(1);
        assertThat(acd.execute(a, new AcdCommand.Accept("c1", "ann")))
                .anySatisfy(e -> assertThat(e).isInstanceOf(AcdEvent.Connected.class));
        List<AcdEvent> done = acd.execute(a, new AcdCommand.Complete("c1", "ann", "resolved", "ok"));
        assertThat(done).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(AcdEvent.Ended.class,
                ended -> assertThat(ended.record().finalState()).isEqualTo(InteractionState.COMPLETED)));
        assertThat(acd.snapshot(a).orElseThrow().interactions()).isEmpty();
    }

    @Test
    void aRefusedCommandThrowsItsTypedErrorAndChangesNothing() {
        acd.execute(a, new AcdCommand.SetPresence("ann", AgentState.AVAILABLE, null));
        acd.execute(a, new AcdCommand.SetPresence("bob", AgentState.AWAY, "coffee"));

        CallistoException e = refusal(() -> acd.execute(a, new AcdCommand.SetPresence("cy", AgentState.AVAILABLE, null)));
        assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(e.code()).isEqualTo("seat-limit-reached");
        TenantAcd after = acd.snapshot(a).orElseThrow();
        assertThat(after.seatsInUse()).isEqualTo(2);
        assertThat(after.agent("cy").orElseThrow().state()).isEqualTo(AgentState.OFFLINE);
        assertThat(refusal(() -> call(a, "c1", "no-such-queue")).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(acd.snapshot(a).orElseThrow().interactions()).isEmpty();
    }

    @Test
    void anAttendedTransferHandsTheConnectedCallStraightToTheConsultedAgent() {
        acd.execute(a, new AcdCommand.SetPresence("ann", AgentState.AVAILABLE, null));
        acd.execute(a, new AcdCommand.SetPresence("bob", AgentState.AWAY, "supervising"));
        call(a, "c1", "sales");
        acd.execute(a, new AcdCommand.Accept("c1", "ann"));

        List<AcdEvent> events = acd.execute(a, new AcdCommand.Handover("c1", "ann", "bob"));

        assertThat(events.get(0)).isInstanceOfSatisfying(AcdEvent.Transferred.class, t -> {
            assertThat(t.fromAgentId()).isEqualTo("ann");
            assertThat(t.toAgentId()).isEqualTo("bob");
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(AcdEvent.Connected.class,
                c -> assertThat(c.agentId()).isEqualTo("bob"));
        assertThat(events).noneMatch(e -> e instanceof AcdEvent.Queued || e instanceof AcdEvent.Offered);
        TenantAcd after = acd.snapshot(a).orElseThrow();
        assertThat(after.interaction("c1").orElseThrow().state()).isEqualTo(InteractionState.CONNECTED);
        assertThat(after.interaction("c1").orElseThrow().agentId()).isEqualTo("bob");
        assertThat(after.interaction("c1").orElseThrow().transfers()).isEqualTo(1);
        assertThat(after.agent("bob").orElseThrow().state()).isEqualTo(AgentState.BUSY);
        assertThat(after.agent("ann").orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);

        CallistoException refused = refusal(() -> acd.execute(a, new AcdCommand.Handover("c1", "bob", "cy")));
        assertThat(refused.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(refused.code()).isEqualTo("agent-unavailable");
        assertThat(refusal(() -> acd.execute(a, new AcdCommand.Handover("c1", "ann", "bob"))).code())
                .isEqualTo("not-connected");
        assertThat(acd.snapshot(a).orElseThrow().interaction("c1").orElseThrow().agentId()).isEqualTo("bob");
    }

    @Test
    void tenantsNeverSeeOrTouchEachOthersWork() {
        acd.execute(a, new AcdCommand.SetPresence("ann", AgentState.AVAILABLE, null));
        acd.execute(b, new AcdCommand.SetPresence("ann", AgentState.AVAILABLE, null));
        call(a, "shared-id", "sales");

        assertThat(acd.snapshot(b).orElseThrow().interactions()).isEmpty();
        assertThat(acd.snapshot(b).orElseThrow().agent("ann").orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(refusal(() -> acd.execute(b, new AcdCommand.Accept("shared-id", "ann"))).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(acd.snapshot(a).orElseThrow().interaction("shared-id").orElseThrow().state())
                .isEqualTo(InteractionState.ROUTED);
        assertThat(acd.snapshot(TenantId.generate())).isEmpty();
    }

    @Test
    void aForgottenTenantHasNoStateLeftAndOthersKeepTheirs() {
        assertThat(acd.snapshot(a)).isPresent();
        assertThat(acd.snapshot(b)).isPresent();
        acd.forget(a);
        acd.forget(a);
        assertThat(acd.snapshot(a)).isEmpty();
        assertThat(acd.snapshot(b)).isPresent();
    }

    @Test
    void concurrentAcceptsOfARingAllOfferConnectExactlyOneAgent() throws Exception {
        acd.execute(a, new AcdCommand.SetSeats(3));
        for (String agent : List.of("ann", "bob", "cy")) {
            acd.execute(a, new AcdCommand.SetPresence(agent, AgentState.AVAILABLE, null));
        }
        for (int round = 0; round < 20; round++) {
            String id = "ring-" + round;
            call(a, id, "all");
            List<Future<Boolean>> accepts = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
                for (String agent : List.of("ann", "bob", "cy")) {
                    accepts.add(pool.submit(() -> {
                        try {
                            acd.execute(a, new AcdCommand.Accept(id, agent));
                            return true;
                        } catch (CallistoException refused) {
                            return false;
                        }
                    }));
                }
            }
            long won = 0;
            for (Future<Boolean> f : accepts) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).as("round %d", round).isEqualTo(1);
            String agent = acd.snapshot(a).orElseThrow().interaction(id).orElseThrow().agentId();
            acd.execute(a, new AcdCommand.Complete(id, agent, null, null));
        }
    }

    @Test
    void concurrentEnqueuesLoseNothingAndOfferEachAgentOneCall() throws Exception {
        acd.execute(a, new AcdCommand.SetPresence("ann", AgentState.AVAILABLE, null));
        acd.execute(a, new AcdCommand.SetPresence("bob", AgentState.AVAILABLE, null));
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        call(a, "c-" + thread + "-" + i, "sales");
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        TenantAcd state = acd.snapshot(a).orElseThrow();
        assertThat(state.interactions()).hasSize(150);
        assertThat(state.interactions()).filteredOn(i -> i.state() == InteractionState.ROUTED).hasSize(2)
                .extracting(i -> i.offeredTo().iterator().next()).containsExactlyInAnyOrder("ann", "bob");
        assertThatThrownBy(() -> acd.execute(a, new AcdCommand.Enqueue(new NewInteraction("c-0-0", Channel.VOICE,
                "sales", 0, null, null, null, null)))).isInstanceOf(CallistoException.class);
    }
}
