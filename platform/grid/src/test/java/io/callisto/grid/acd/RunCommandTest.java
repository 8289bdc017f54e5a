package io.callisto.grid.acd;

import static org.assertj.core.api.Assertions.assertThat;

import com.tangosol.net.NamedMap;
import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.NewInteraction;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.ids.TenantId;
import io.callisto.grid.GridNode;
import io.callisto.grid.TestGrid;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A command re-run with the same request id (the grid's retry after a failover) is not applied twice. */
class RunCommandTest {
    private static final TenantId TENANT = new TenantId("tretry");
    private static final String R1 = "00000000-0000-4000-8000-000000000001";
    private static final String R2 = "00000000-0000-4000-8000-000000000002";
    private static final String R3 = "00000000-0000-4000-8000-000000000003";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static GridNode grid;

    @BeforeAll
    static void startGrid() {
        grid = TestGrid.start("callisto-retry-test");
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Test
    void aRetriedCommandIsNotAppliedTwice() {
        new GridAcd(grid, Clock.systemUTC());
        NamedMap<String, byte[]> tenants = grid.map(GridAcd.MAP);
        Entry entry = new Entry(tenants, TENANT.value());
        entry.invoke(new RunCommand(TENANT, R1, new AcdCommand.ConfigureQueue(
                QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE)), NOW));
        RunCommand enqueue = new RunCommand(TENANT, R2, new AcdCommand.Enqueue(new NewInteraction("c1", Channel.VOICE,
                "q", 0, null, null, null, null)), NOW);

        CommandResult first = entry.invoke(enqueue);
        CommandResult retried = entry.invoke(enqueue);

        assertThat(first.refusal()).isNull();
        assertThat(retried.refusal()).as("not refused as a duplicate").isNull();
        assertThat(first.events()).hasAtLeastOneElementOfType(AcdEvent.Queued.class);
        assertThat(retried.events()).as("nothing new happened").isEmpty();
        assertThat(StoredTenant.load(tenants.get(TENANT.value())).interactions()).hasSize(1);
        CommandResult other = entry.invoke(new RunCommand(TENANT, R3, enqueue.command(), NOW));
        assertThat(other.refusal().code()).as("a new request with the same interaction is a duplicate")
                .isEqualTo("duplicate-interaction");
    }

    /** One key of the map: each invoke runs the processor where the entry lives, as the grid's retry would. */
    private record Entry(NamedMap<String, byte[]> map, String key) {
        CommandResult invoke(RunCommand command) {
            return map.invoke(key, command);
        }
    }
}
