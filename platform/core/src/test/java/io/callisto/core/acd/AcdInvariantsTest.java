package io.callisto.core.acd;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.error.CallistoException;
import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of every operation (logins, offers, accepts, rejects, ringing, completions, abandons,
 * handovers, timeouts, profile and seat changes), checking after each step that: no agent holds more than its
 * capacity (one voice call); an interaction is offered to one agent at a time (several only under
 * RING_ALL) and held consistently by interaction and agent; nothing is lost or ended twice; seats hold;
 * and a refused operation changes nothing at all.
 */
class AcdInvariantsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<String> AGENTS = List.of("a1", "a2", "a3", "a4", "a5", "a6");
    private static final List<String> QUEUES = List.of("ring", "skills", "idle", "rr", "fewest");
    private static final List<String> SKILLS = List.of("en", "es", "billing");

    static List<Long> seeds() {
        return java.util.stream.LongStream.range(0, 40).boxed().toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariantsHoldUnderRandomOperations(long seed) {
        Run run = new Run(new Random(seed));
        for (int step = 0; step < 1_200; step++) {
            run.step();
            run.checkInvariants();
        }
        assertThat(run.created).isGreaterThan(50);
        assertThat(run.handovers).as("handovers that went through").isPositive();
        assertThat(run.ended.values()).allMatch(n -> n == 1);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theCompactFormLosesNothingThatRoutingUses(long seed) {
        Run plain = new Run(new Random(seed));
        Run decoded = new Run(new Random(seed));
        decoded.roundTrip = true;
        for (int step = 0; step < 600; step++) {
            plain.step();
            decoded.step();
            assertThat(decoded.outcomes).as("step %d", step).isEqualTo(plain.outcomes);
        }
        assertThat(decoded.acd.toBytes()).isEqualTo(plain.acd.toBytes());
        assertThat(TenantAcd.fromBytes(plain.acd.toBytes()).toBytes()).isEqualTo(plain.acd.toBytes());
    }

    private static final class Run {
        private final Random random;
        private TenantAcd acd = new TenantAcd(new TenantId("tprop"), 4);
        private boolean roundTrip;
        private final List<Object> outcomes = new ArrayList<>();
        private final Map<String, Integer> ended = new HashMap<>();
        private Instant now = T0;
        private int created;
        private int handovers;

        Run(Random random) {
            this.random = random;
            AcdEngine.configureQueue(acd, new QueueConfig("ring", "ring", RoutingStrategy.RING_ALL, Skills.NONE, 1, 0,
                    null, 0, 20, 10, 0, 1, false), now);
            AcdEngine.configureQueue(acd, new QueueConfig("idle", "idle", RoutingStrategy.LONGEST_IDLE, Skills.NONE, 0,
                    0, null, 3, 20, 10, 0, 1, false), now);
            AcdEngine.configureQueue(acd, new QueueConfig("skills", "skills", RoutingStrategy.SKILLS,
                    new Skills(Map.of("en", 3)), 0, 40, "idle", 5, 20, 10, 15, 1, true), now);
            AcdEngine.configureQueue(acd, QueueConfig.simple("rr", RoutingStrategy.ROUND_ROBIN), now);
            AcdEngine.configureQueue(acd, QueueConfig.simple("fewest", RoutingStrategy.FEWEST_CALLS), now);
            for (String agent : AGENTS) {
                AcdEngine.upsertAgent(acd, randomProfile(agent), now);
            }
        }

        private AgentProfile randomProfile(String agent) {
            Map<String, Integer> skills = new HashMap<>();
            for (String s : SKILLS) {
                if (random.nextBoolean()) {
                    skills.put(s, 1 + random.nextInt(10));
                }
            }
            Set<String> queues = new java.util.HashSet<>();
            for (String q : QUEUES) {
                if (random.nextInt(3) > 0) {
                    queues.add(q);
                }
            }
            return new AgentProfile(agent, new Skills(skills), queues,
                    Map.of(Channel.CHAT, 1 + random.nextInt(3), Channel.EMAIL, 1 + random.nextInt(2)));
        }

        void step() {
            if (roundTrip) {
                // as the grid does between commands: the state lives only in its compact form
                acd = TenantAcd.fromBytes(acd.toBytes());
            }
            now = now.plusMillis(random.nextInt(4_000));
            String agent = AGENTS.get(random.nextInt(AGENTS.size()));
            int op = random.nextInt(15);
            switch (op) {
                case 0, 1, 2 -> attempt(() -> enqueue());
                case 3 -> attempt(() -> AcdEngine.setPresence(acd, agent, pick(AgentState.AVAILABLE, AgentState.AVAILABLE,
                        AgentState.AWAY, AgentState.OFFLINE), "break", now));
                case 4, 5 -> attempt(() -> AcdEngine.accept(acd, randomLiveId(), agent, now));
                case 6 -> attempt(() -> AcdEngine.reject(acd, randomLiveId(), agent, now));
                case 7 -> attempt(() -> AcdEngine.ringing(acd, randomLiveId(), agent, now));
                case 8, 9 -> attempt(() -> AcdEngine.complete(acd, randomLiveId(), agent, "done", null, now));
                case 10 -> attempt(() -> AcdEngine.abandon(acd, randomLiveId(), now));
                case 11 -> attempt(() -> AcdEngine.tick(acd, now = now.plusSeconds(random.nextInt(30))));
                case 12 -> attempt(() -> AcdEngine.finishWrapUp(acd, agent, now));
                case 13 -> {
                    // Accepts of random ids seldom hit an offer, so connected interactions are rare: make one first.
                    if (live(InteractionState.CONNECTED).isEmpty()) {
                        attempt(() -> acceptAnOffer(agent));
                    }
                    attempt(() -> handover(agent));
                }
                default -> attempt(() -> random.nextBoolean() ? AcdEngine.upsertAgent(acd, randomProfile(agent), now)
                        : setSeats(random.nextInt(7)));
            }
        }

        /** Mostly of a connected interaction by its agent, so that some succeed; the target stays within capacity. */
        private List<AcdEvent> handover(String to) {
            List<String> connected = live(InteractionState.CONNECTED);
            String id = connected.isEmpty() || random.nextInt(8) == 0 ? randomLiveId()
                    : connected.get(random.nextInt(connected.size()));
            String from = acd.interaction(id).map(Interaction::agentId).filter(a -> random.nextInt(8) > 0)
                    .orElse(AGENTS.get(random.nextInt(AGENTS.size())));
            List<AcdEvent> events = AcdEngine.handover(acd, id, from, to, now);
            Agent target = acd.agent(to).orElseThrow();
            Channel channel = acd.interaction(id).orElseThrow().channel();
            long onChannel = target.assignments().values().stream().filter(a -> a.channel() == channel).count();
            assertThat(onChannel).as("handover to %s on %s", to, channel).isLessThanOrEqualTo(target.profile().capacity(channel));
            handovers++;
            return events;
        }

        private List<String> live(InteractionState state) {
            return acd.interactions().stream().filter(i -> i.state() == state).map(Interaction::id).toList();
        }

        private List<AcdEvent> acceptAnOffer(String agent) {
            List<String> routed = live(InteractionState.ROUTED);
            if (routed.isEmpty()) {
                return AcdEngine.accept(acd, "no-such", agent, now);
            }
            Interaction offered = acd.interaction(routed.get(random.nextInt(routed.size()))).orElseThrow();
            return AcdEngine.accept(acd, offered.id(), List.copyOf(offered.offeredTo()).getFirst(), now);
        }

        private List<AcdEvent> setSeats(int seats) {
            AcdEngine.setSeats(acd, seats);
            return List.of();
        }

        private List<AcdEvent> enqueue() {
            String id = "i" + (++created);
            Channel channel = pick(Channel.VOICE, Channel.VOICE, Channel.CHAT, Channel.EMAIL);
            Skills skills = random.nextInt(4) == 0 ? new Skills(Map.of(SKILLS.get(random.nextInt(3)), 1 + random.nextInt(9)))
                    : Skills.NONE;
            return AcdEngine.enqueue(acd, new NewInteraction(id, channel, QUEUES.get(random.nextInt(QUEUES.size())),
                    random.nextInt(3), skills, null, null, null), now);
        }

        private String randomLiveId() {
            List<String> live = new ArrayList<>(acd.interactionMap().keySet());
            return live.isEmpty() || random.nextInt(20) == 0 ? "no-such" : live.get(random.nextInt(live.size()));
        }

        @SafeVarargs
        private <T> T pick(T... options) {
            return options[random.nextInt(options.length)];
        }

        /** Runs an operation; a refused one must leave the state exactly as it was. */
        private void attempt(Supplier<List<AcdEvent>> operation) {
            byte[] before = serialized(acd);
            List<AcdEvent> events;
            try {
                events = operation.get();
            } catch (CallistoException refused) {
                assertThat(serialized(acd)).as("refused %s changed the state", refused.code()).isEqualTo(before);
                outcomes.add(refused.code());
                return;
            }
            outcomes.add(events);
            for (AcdEvent event : events) {
                if (event instanceof AcdEvent.Ended e) {
                    ended.merge(e.record().interactionId(), 1, Integer::sum);
                }
                if (event instanceof AcdEvent.Offered o) {
                    // Capacity bounds new offers (a lowered capacity does not evict work in progress).
                    Agent agent = acd.agent(o.agentId()).orElseThrow();
                    Channel channel = acd.interaction(o.interactionId()).orElseThrow().channel();
                    long onChannel = agent.assignments().values().stream().filter(a -> a.channel() == channel).count();
                    assertThat(onChannel).as("offer to %s on %s", agent.id(), channel)
                            .isLessThanOrEqualTo(agent.profile().capacity(channel));
                }
            }
        }

        void checkInvariants() {
            assertThat(acd.seatsInUse()).as("logged-in agents within the lease").isLessThanOrEqualTo(acd.seatsLeased());
            for (Agent agent : acd.agents()) {
                Map<Channel, Integer> perChannel = new HashMap<>();
                for (Agent.Assignment a : agent.assignments().values()) {
                    perChannel.merge(a.channel(), 1, Integer::sum);
                    Interaction i = acd.interaction(a.interactionId()).orElseThrow(
                            () -> new AssertionError(agent.id() + " holds an interaction that is gone"));
                    if (a.stage() == Agent.Stage.CONNECTED) {
                        assertThat(i.state()).isEqualTo(InteractionState.CONNECTED);
                        assertThat(i.agentId()).isEqualTo(agent.id());
                    } else {
                        assertThat(i.state()).isEqualTo(InteractionState.ROUTED);
                        assertThat(i.offeredTo()).contains(agent.id());
                    }
                }
                assertThat(perChannel.getOrDefault(Channel.VOICE, 0)).isLessThanOrEqualTo(1);
                if (!agent.isLoggedIn()) {
                    assertThat(agent.assignments()).isEmpty();
                }
            }
            for (Interaction i : acd.interactions()) {
                assertThat(ended).doesNotContainKey(i.id());
                switch (i.state()) {
                    case WAITING -> assertThat(i.offeredTo()).isEmpty();
                    case ROUTED -> {
                        assertThat(i.offeredTo()).isNotEmpty();
                        if (!acd.queue(i.queueId()).orElseThrow().strategy().equals(RoutingStrategy.RING_ALL)) {
                            assertThat(i.offeredTo()).as("offered to one agent at a time").hasSize(1);
                        }
                        i.offeredTo().forEach(a -> assertThat(acd.agent(a).orElseThrow().assignment(i.id())).isNotNull());
                    }
                    case CONNECTED -> assertThat(acd.agent(i.agentId()).orElseThrow().assignment(i.id()).stage())
                            .isEqualTo(Agent.Stage.CONNECTED);
                    default -> throw new AssertionError("a final interaction is still live: " + i.id());
                }
            }
            assertThat(acd.interactions().size() + ended.size()).as("nothing lost").isEqualTo(created);
        }
    }

    /** The state in full, as the grid stores it: what "changed nothing" is compared on. */
    static byte[] serialized(TenantAcd acd) {
        return acd.toBytes();
    }
}
