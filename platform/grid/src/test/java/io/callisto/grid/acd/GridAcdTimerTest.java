package io.callisto.grid.acd;

import static org.assertj.core.api.Assertions.assertThat;

import com.tangosol.net.NamedMap;
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
import io.callisto.core.ids.TenantId;
import io.callisto.core.testing.MutableClock;
import io.callisto.grid.GridNode;
import io.callisto.grid.TestGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The timer ticks exactly the tenants that are due, on a real single-member cluster, with explicit time. */
class GridAcdTimerTest {
    private static GridNode grid;

    @BeforeAll
    static void startGrid() {
        grid = TestGrid.start("callisto-timer-test");
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Test
    void aMissedOfferTimesOutAndOnlyDueTenantsAreTicked() {
        MutableClock clock = new MutableClock(Instant.now());
        NamedMap<String, byte[]> map = grid.map(GridAcd.MAP);
        GridAcd acd = new GridAcd(grid::map, clock);
        Map<String, List<AcdEvent>> published = new ConcurrentHashMap<>();
        GridAcdTimer timer = new GridAcdTimer(map, published::put);
        TenantId busy = TenantId.generate();
        TenantId idle = TenantId.generate();
        for (TenantId t : List.of(busy, idle)) {
            acd.execute(t, new AcdCommand.SetSeats(2));
            acd.execute(t, new AcdCommand.ConfigureQueue(QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE)));
            acd.execute(t, new AcdCommand.UpsertAgent(new AgentProfile("ann", Skills.NONE, Set.of("q"), Map.of())));
            acd.execute(t, new AcdCommand.SetPresence("ann", AgentState.AVAILABLE, null));
        }
        acd.execute(busy, new AcdCommand.Enqueue(new NewInteraction("c1", Channel.VOICE, "q", 0, null, null, null, null)));

        assertThat(timer.tickDue(clock.instant().plusSeconds(10))).as("the offer has 20 s").isZero();
        int ticked = timer.tickDue(clock.instant().plus(Duration.ofSeconds(21)));

        assertThat(ticked).as("only the tenant with a due offer").isEqualTo(1);
        assertThat(published).containsOnlyKeys(busy.value());
        assertThat(published.get(busy.value())).anySatisfy(e -> assertThat(e).isInstanceOf(AcdEvent.OfferWithdrawn.class));
        TenantAcd state = acd.snapshot(busy).orElseThrow();
        assertThat(state.interaction("c1").orElseThrow().state()).isEqualTo(InteractionState.WAITING);
        assertThat(state.agent("ann").orElseThrow().state()).isEqualTo(AgentState.AWAY);
        assertThat(state.agent("ann").orElseThrow().awayReason()).isEqualTo("missed");
        assertThat(acd.snapshot(idle).orElseThrow().agent("ann").orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);
    }
}
