package io.callisto.core.acd;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sequences an independent review found wrong, pinned down. */
class AcdReviewFixesTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final TenantAcd acd = new TenantAcd(new TenantId("treview"), 10);

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private void agent(String id, Map<String, Integer> skills, Map<Channel, Integer> capacity, String... queues) {
        AcdEngine.upsertAgent(acd, new AgentProfile(id, new Skills(skills), Set.of(queues), capacity), T0);
        AcdEngine.setPresence(acd, id, AgentState.AVAILABLE, null, T0);
    }

    private void enqueue(String id, Channel channel, String queue, long second) {
        AcdEngine.enqueue(acd, new NewInteraction(id, channel, queue, 0, null, null, null, null), at(second));
    }

    @Test
    void aMissedOfferTakesTheAgentsOtherOffersBackToo() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("chat", RoutingStrategy.LONGEST_IDLE), T0);
        agent("ann", Map.of(), Map.of(Channel.CHAT, 2), "chat");
        enqueue("c1", Channel.CHAT, "chat", 0);
        enqueue("c2", Channel.CHAT, "chat", 5);

        AcdEngine.tick(acd, at(20));

        assertThat(acd.agent("ann").orElseThrow().state()).isEqualTo(AgentState.AWAY);
        assertThat(acd.interaction("c2").orElseThrow().state()).isEqualTo(InteractionState.WAITING);
        assertFails(() -> AcdEngine.accept(acd, "c2", "ann", at(22)), ErrorKind.CONFLICT, "not-offered");
    }

    @Test
    void ringAllRemembersEveryAgentWhoDeclined() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("all", RoutingStrategy.RING_ALL), T0);
        agent("a", Map.of(), Map.of(), "all");
        agent("b", Map.of(), Map.of(), "all");
        agent("c", Map.of(), Map.of(), "all");
        enqueue("c1", Channel.VOICE, "all", 1);
        AcdEngine.reject(acd, "c1", "a", at(2));
        AcdEngine.reject(acd, "c1", "b", at(3));
        assertThat(acd.interaction("c1").orElseThrow().offeredTo()).containsExactly("c");
        AcdEngine.reject(acd, "c1", "c", at(4));
        assertThat(acd.interaction("c1").orElseThrow().offeredTo()).as("everyone declined: offered again")
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void relaxationKeepsRankingByTheSkillsAskedFor() {
        AcdEngine.configureQueue(acd, new QueueConfig("es", "es", RoutingStrategy.SKILLS, new Skills(Map.of("es", 2)),
                0, 0, null, 0, 20, 20, 10, 2, false), T0);
        AcdEngine.upsertAgent(acd, new AgentProfile("novice", Skills.NONE, Set.of("es"), Map.of()), T0);
        AcdEngine.upsertAgent(acd, new AgentProfile("speaker", new Skills(Map.of("es", 1)), Set.of("es"), Map.of()), T0);
        AcdEngine.setPresence(acd, "speaker", AgentState.AVAILABLE, null, at(1));
        AcdEngine.setPresence(acd, "novice", AgentState.AVAILABLE, null, at(0));
        enqueue("c1", Channel.VOICE, "es", 2);
        AcdEngine.tick(acd, at(12));
        assertThat(acd.interaction("c1").orElseThrow().offeredTo()).containsExactly("speaker");
    }

    @Test
    void overflowIsNotDefeatedByRejectsAndCyclesAreRefused() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("b", RoutingStrategy.LONGEST_IDLE), T0);
        AcdEngine.configureQueue(acd, new QueueConfig("a", "a", RoutingStrategy.LONGEST_IDLE, Skills.NONE, 0, 30, "b",
                0, 20, 20, 0, 1, false), T0);
        agent("x", Map.of(), Map.of(), "a");
        agent("y", Map.of(), Map.of(), "b");
        enqueue("c1", Channel.VOICE, "a", 0);
        for (int s = 10; s <= 40; s += 10) {
            if (acd.interaction("c1").orElseThrow().offeredTo().contains("x")) {
                AcdEngine.reject(acd, "c1", "x", at(s));
            }
        }
        assertThat(acd.interaction("c1").orElseThrow().queueId()).isEqualTo("b");
        assertThat(acd.interaction("c1").orElseThrow().offeredTo()).containsExactly("y");

        assertFails(() -> AcdEngine.configureQueue(acd, new QueueConfig("b", "b", RoutingStrategy.LONGEST_IDLE,
                Skills.NONE, 0, 30, "a", 0, 20, 20, 0, 1, false), T0), ErrorKind.INVALID_INPUT, "overflow-cycle");
        assertFails(() -> AcdEngine.configureQueue(acd, new QueueConfig("s", "s", RoutingStrategy.LONGEST_IDLE,
                Skills.NONE, 0, 30, "s", 0, 20, 20, 0, 1, false), T0), ErrorKind.INVALID_INPUT, "overflow-cycle");
    }

    @Test
    void relaxationThatChangesNothingIsNoDeadline() {
        AcdEngine.configureQueue(acd, new QueueConfig("q", "q", RoutingStrategy.SKILLS, new Skills(Map.of("de", 5)), 0,
                0, null, 0, 20, 20, 1, 0, false), T0);
        enqueue("c1", Channel.VOICE, "q", 0);
        assertThat(AcdEngine.nextDeadline(acd, at(5))).as("relaxStep 0 never relaxes").isEmpty();
    }

    @Test
    void extremePrioritiesDoNotOverflowTheOrder() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE), T0);
        AcdEngine.enqueue(acd, new NewInteraction("low", Channel.VOICE, "q", Integer.MIN_VALUE, null, null, null, null), T0);
        AcdEngine.enqueue(acd, new NewInteraction("high", Channel.VOICE, "q", 5, null, null, null, null), at(1));
        agent("ann", Map.of(), Map.of(), "q");
        assertThat(acd.agent("ann").orElseThrow().assignments()).containsOnlyKeys("high");
    }
}
