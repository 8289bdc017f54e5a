package io.callisto.core.routing;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.auth.Caller;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.telephony.NumberConfig;
import io.callisto.core.telephony.NumberService;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A queue a number sends its calls to stays, stored and live, with its agents, until the number goes elsewhere. */
class QueueInUseTest {
    private final RoutingWorld w = new RoutingWorld();
    private final NumberService numbers = new NumberService(w.store, w.store.numbers(), w.store.trunks(), w.store.queues(),
            w.clock);

    @Test
    void deletingAQueueANumberUsesIsAConflictThatChangesNothing() {
        String q = w.queue("Sales", "LONGEST_IDLE");
        String other = w.queue("Support", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", q);
        NumberConfig number = numbers.create(w.admin, new NumberService.NumberInput("+15551230000", null, null,
                new NumberService.TargetInput("QUEUE", q, null), Set.of()));

        assertFails(() -> w.queues.delete(w.admin, q), ErrorKind.CONFLICT, "queue-in-use");

        assertThat(w.store.queues().find(w.id(), q)).as("still stored").isPresent();
        assertThat(w.live.snapshot(w.id()).queue(q)).as("still live").isPresent();
        assertThat(w.agents.get(w.admin, ann.principalId()).queueIds()).containsExactly(q);
        assertThat(w.live.snapshot(w.id()).agent(ann.principalId()).orElseThrow().profile().queueIds()).containsExactly(q);

        numbers.update(w.admin, number.id(), new NumberService.NumberInput(null, null, null,
                new NumberService.TargetInput("QUEUE", other, null), Set.of()));
        w.queues.delete(w.admin, q);
        assertThat(w.store.queues().find(w.id(), q)).isEmpty();
        assertThat(w.live.snapshot(w.id()).queue(q)).isEmpty();
        assertThat(w.agents.get(w.admin, ann.principalId()).queueIds()).isEmpty();
    }
}
