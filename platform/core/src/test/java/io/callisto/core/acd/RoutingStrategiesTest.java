package io.callisto.core.acd;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each strategy's choice, priorities, skills relaxation and per-channel capacity. */
class RoutingStrategiesTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final TenantAcd acd = new TenantAcd(new TenantId("tacme"), 50);

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private void queue(String id, RoutingStrategy strategy, Skills required, int relaxAfter) {
        AcdEngine.configureQueue(acd, new QueueConfig(id, id, strategy, required, 0, 0, null, 0, 20, 20, relaxAfter, 2, false),
                T0);
    }

    private void agent(String id, Map<String, Integer> skills, long availableAt, String... queues) {
        AcdEngine.upsertAgent(acd, new AgentProfile(id, new Skills(skills), Set.of(queues), Map.of()), T0);
        AcdEngine.setPresence(acd, id, AgentState.AVAILABLE, null, at(availableAt));
    }

    private String route(String id, String queue, Channel channel, int priority, Skills skills, long second) {
        AcdEngine.enqueue(acd, new NewInteraction(id, channel, queue, priority, skills, null, null, null), at(second));
        return offeredTo(id);
    }

    private String offeredTo(String id) {
        return acd.interaction(id).orElseThrow().offeredTo().stream().findFirst().orElse(null);
    }

    private void finish(String interaction, String agent, long second) {
        AcdEngine.accept(acd, interaction, agent, at(second));
        AcdEngine.complete(acd, interaction, agent, null, null, at(second + 1));
    }

    @Test
    void longestIdleTakesTheAgentWaitingLongest() {
        queue("q", RoutingStrategy.LONGEST_IDLE, Skills.NONE, 0);
        agent("late", Map.of(), 5, "q");
        agent("early", Map.of(), 1, "q");
        agent("middle", Map.of(), 3, "q");
        assertThat(route("c1", "q", Channel.VOICE, 0, null, 10)).isEqualTo("early");
        assertThat(route("c2", "q", Channel.VOICE, 0, null, 11)).isEqualTo("middle");
        finish("c1", "early", 12);
        assertThat(route("c3", "q", Channel.VOICE, 0, null, 20)).as("early is idle again, but since 13").isEqualTo("late");
    }

    @Test
    void skillsRequiresTheMinimumsAndPrefersTheBestProficiency() {
        queue("support", RoutingStrategy.SKILLS, new Skills(Map.of("english", 3)), 0);
        agent("novice", Map.of("english", 2, "billing", 9), 1, "support");
        agent("good", Map.of("english", 6, "billing", 4), 2, "support");
        agent("best", Map.of("english", 9, "billing", 5), 3, "support");

        assertThat(route("c1", "support", Channel.VOICE, 0, new Skills(Map.of("billing", 4)), 10)).isEqualTo("best");
        assertThat(route("c2", "support", Channel.VOICE, 0, new Skills(Map.of("billing", 4)), 11)).isEqualTo("good");
        assertThat(route("c3", "support", Channel.VOICE, 0, new Skills(Map.of("billing", 4)), 12))
                .as("the novice lacks english 3").isNull();
    }

    @Test
    void requirementsRelaxAfterTheConfiguredWait() {
        queue("spanish", RoutingStrategy.SKILLS, new Skills(Map.of("spanish", 8)), 30);
        agent("fair", Map.of("spanish", 6), 1, "spanish");
        assertThat(route("c1", "spanish", Channel.VOICE, 0, null, 10)).isNull();
        assertThat(AcdEngine.nextDeadline(acd, at(10))).contains(at(40));
        AcdEngine.tick(acd, at(39));
        assertThat(offeredTo("c1")).isNull();
        AcdEngine.tick(acd, at(40));
        assertThat(offeredTo("c1")).as("spanish 8 relaxed by 2 to 6").isEqualTo("fair");
    }

    @Test
    void roundRobinTakesTurnsInAStableOrder() {
        queue("q", RoutingStrategy.ROUND_ROBIN, Skills.NONE, 0);
        agent("a", Map.of(), 3, "q");
        agent("b", Map.of(), 1, "q");
        agent("c", Map.of(), 2, "q");
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String agent = route("c" + i, "q", Channel.VOICE, 0, null, 10 + i * 10L);
            chosen.add(agent);
            finish("c" + i, agent, 11 + i * 10L);
        }
        assertThat(chosen).containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void fewestCallsBalancesTheLoad() {
        queue("q", RoutingStrategy.FEWEST_CALLS, Skills.NONE, 0);
        agent("busy", Map.of(), 1, "q");
        agent("quiet", Map.of(), 2, "q");
        assertThat(route("c1", "q", Channel.VOICE, 0, null, 3)).as("a tie: the longest idle").isEqualTo("busy");
        finish("c1", "busy", 4);
        assertThat(route("c2", "q", Channel.VOICE, 0, null, 10)).as("fewer calls wins over idle time").isEqualTo("quiet");
        finish("c2", "quiet", 11);
        assertThat(route("c3", "q", Channel.VOICE, 0, null, 20)).as("a tie again: busy idle since 5").isEqualTo("busy");
        finish("c3", "busy", 21);
        assertThat(route("c4", "q", Channel.VOICE, 0, null, 30)).isEqualTo("quiet");
    }

    @Test
    void higherPriorityFirstThenArrival() {
        queue("q", RoutingStrategy.LONGEST_IDLE, Skills.NONE, 0);
        AcdEngine.upsertAgent(acd, new AgentProfile("ann", Skills.NONE, Set.of("q"), Map.of()), T0);
        AcdEngine.enqueue(acd, new NewInteraction("old-low", Channel.VOICE, "q", 0, null, null, null, null), at(1));
        AcdEngine.enqueue(acd, new NewInteraction("new-high", Channel.VOICE, "q", 5, null, null, null, null), at(2));
        AcdEngine.enqueue(acd, new NewInteraction("old-high", Channel.VOICE, "q", 5, null, null, null, null), at(0));
        AcdEngine.setPresence(acd, "ann", AgentState.AVAILABLE, null, at(3));
        assertThat(acd.agent("ann").orElseThrow().assignments()).containsOnlyKeys("new-high");
    }

    @Test
    void anAgentTakesOneCallButSeveralChatsAcrossQueues() {
        queue("voice", RoutingStrategy.LONGEST_IDLE, Skills.NONE, 0);
        queue("chat", RoutingStrategy.LONGEST_IDLE, Skills.NONE, 0);
        AcdEngine.upsertAgent(acd, new AgentProfile("ann", Skills.NONE, Set.of("voice", "chat"),
                Map.of(Channel.CHAT, 2, Channel.VOICE, 4)), T0);
        AcdEngine.setPresence(acd, "ann", AgentState.AVAILABLE, null, at(1));
        assertThat(route("v1", "voice", Channel.VOICE, 0, null, 2)).isEqualTo("ann");
        assertThat(route("v2", "voice", Channel.VOICE, 0, null, 3)).as("voice capacity is always 1").isNull();
        assertThat(route("ch1", "chat", Channel.CHAT, 0, null, 4)).isEqualTo("ann");
        assertThat(route("ch2", "chat", Channel.CHAT, 0, null, 5)).isEqualTo("ann");
        assertThat(route("ch3", "chat", Channel.CHAT, 0, null, 6)).isNull();
    }
}
