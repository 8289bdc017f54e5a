package io.callisto.core.acd;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueEstimatesTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final TenantAcd acd = new TenantAcd(new TenantId("test"), 10);

    QueueEstimatesTest() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE), T0);
        AcdEngine.configureQueue(acd, QueueConfig.simple("other", RoutingStrategy.LONGEST_IDLE), T0);
    }

    private void call(String id, String queue, int priority, long second) {
        AcdEngine.enqueue(acd, new NewInteraction(id, Channel.VOICE, queue, priority, null, null, null, null),
                T0.plusSeconds(second));
    }

    private void agent(String id, AgentState presence) {
        AcdEngine.upsertAgent(acd, new AgentProfile(id, Skills.NONE, Set.of("q"), Map.of()), T0);
        AcdEngine.setPresence(acd, id, presence, "break", T0);
    }

    @Test
    void positionsFollowPriorityThenArrivalWithinTheQueue() {
        call("first", "q", 0, 1);
        call("other-queue", "other", 9, 2);
        call("second", "q", 0, 3);
        call("urgent", "q", 5, 4);

        assertThat(QueueEstimates.forWaiting(acd, "urgent").orElseThrow().position()).isEqualTo(1);
        assertThat(QueueEstimates.forWaiting(acd, "first").orElseThrow().position()).isEqualTo(2);
        assertThat(QueueEstimates.forWaiting(acd, "second").orElseThrow().position()).isEqualTo(3);
        assertThat(QueueEstimates.forNew(acd, "q", Channel.VOICE, 0).position()).isEqualTo(4);
        assertThat(QueueEstimates.forNew(acd, "q", Channel.VOICE, 5).position()).as("behind the other urgent one")
                .isEqualTo(2);
        assertThat(QueueEstimates.forWaiting(acd, "nope")).isEmpty();
    }

    @Test
    void theWaitSpreadsTheWorkAheadOverTheStaffedAgents() {
        agent("ann", AgentState.AWAY);
        agent("bob", AgentState.AWAY);
        for (int i = 1; i <= 5; i++) {
            call("c" + i, "q", 0, i);
        }
        // Two agents staff the queue (away, but logged in); no history: the default handle time of 180 s.
        assertThat(QueueEstimates.forWaiting(acd, "c1").orElseThrow().estimatedWaitSeconds()).contains(180L);
        assertThat(QueueEstimates.forWaiting(acd, "c2").orElseThrow().estimatedWaitSeconds()).contains(180L);
        assertThat(QueueEstimates.forWaiting(acd, "c3").orElseThrow().estimatedWaitSeconds()).contains(360L);
        assertThat(QueueEstimates.forWaiting(acd, "c5").orElseThrow().estimatedWaitSeconds()).contains(540L);
    }

    @Test
    void noWaitWhenAnAgentIsFreeAndNoEstimateWhenNobodyStaffsTheQueue() {
        assertThat(QueueEstimates.forNew(acd, "q", Channel.VOICE, 0).estimatedWaitSeconds()).isEqualTo(Optional.empty());
        agent("ann", AgentState.AVAILABLE);
        assertThat(QueueEstimates.forNew(acd, "q", Channel.VOICE, 0).estimatedWaitSeconds()).contains(0L);
    }
}
