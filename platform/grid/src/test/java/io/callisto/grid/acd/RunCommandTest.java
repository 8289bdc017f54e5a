package io.callisto.grid.acd;

import static org.assertj.core.api.Assertions.assertThat;

import com.tangosol.util.InvocableMap;
import com.tangosol.util.SimpleMapEntry;
import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AcdEvent;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.NewInteraction;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.ids.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A command re-run with the same request id (the grid's retry after a failover) is not applied twice. */
class RunCommandTest {
    private static final TenantId TENANT = new TenantId("tretry");
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aRetriedCommandIsNotAppliedTwice() {
        InvocableMap.Entry<String, TenantAcd> entry = new SimpleMapEntry<>(TENANT.value(), new TenantAcd(TENANT, 0));
        new RunCommand(TENANT, "r1", new AcdCommand.ConfigureQueue(QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE)),
                NOW).process(entry);
        RunCommand enqueue = new RunCommand(TENANT, "r2", new AcdCommand.Enqueue(new NewInteraction("c1", Channel.VOICE,
                "q", 0, null, null, null, null)), NOW);

        CommandResult first = enqueue.process(entry);
        CommandResult retried = enqueue.process(entry);

        assertThat(first.refusal()).isNull();
        assertThat(retried.refusal()).as("not refused as a duplicate").isNull();
        assertThat(first.events()).hasAtLeastOneElementOfType(AcdEvent.Queued.class);
        assertThat(retried.events()).as("nothing new happened").isEmpty();
        assertThat(entry.getValue().interactions()).hasSize(1);
        CommandResult other = new RunCommand(TENANT, "r3", enqueue.command(), NOW).process(entry);
        assertThat(other.refusal().code()).as("a new request with the same interaction is a duplicate")
                .isEqualTo("duplicate-interaction");
    }
}
