package io.callisto.core.acd;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The completion of an attended transfer ({@link AcdCommand.Handover}): the connected agent has talked to another
 * agent outside the ACD and hands the customer straight to them, with no queueing and no offer.
 */
class AcdHandoverTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final TenantAcd acd = new TenantAcd(new TenantId("thandover"), 5);

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Sales wraps up for 30 s; support none. Ann serves sales, bob support, sue (a supervisor) no queue at all. */
    private void setUp() {
        AcdEngine.configureQueue(acd, new QueueConfig("sales", "Sales", RoutingStrategy.LONGEST_IDLE, Skills.NONE, 0,
                0, null, 30, 20, 15, 0, 1, false), T0);
        AcdEngine.configureQueue(acd, QueueConfig.simple("support", RoutingStrategy.LONGEST_IDLE), T0);
        agent("ann", Map.of(Channel.CHAT, 2), "sales");
        agent("bob", Map.of(Channel.CHAT, 2), "support");
        agent("sue", Map.of());
    }

    private void agent(String id, Map<Channel, Integer> capacity, String... queues) {
        AcdEngine.upsertAgent(acd, new AgentProfile(id, Skills.NONE, Set.of(queues), capacity), T0);
    }

    private List<AcdEvent> presence(String id, AgentState presence, long second) {
        return AcdEngine.setPresence(acd, id, presence, presence == AgentState.AWAY ? "meeting" : null, at(second));
    }

    private void enqueue(String id, Channel channel, String queue, long second) {
        AcdEngine.enqueue(acd, new NewInteraction(id, channel, queue, 2, null, "+15550001", "Order", null, null),
                at(second));
    }

    /** Ann logged in alone, offered and connected to voice call c1 (created at 2 s, answered at 5 s). */
    private void annOnACall() {
        setUp();
        presence("ann", AgentState.AVAILABLE, 1);
        enqueue("c1", Channel.VOICE, "sales", 2);
        AcdEngine.accept(acd, "c1", "ann", at(5));
    }

    private AgentState state(String agent) {
        return acd.agent(agent).orElseThrow().state();
    }

    private Interaction interaction(String id) {
        return acd.interaction(id).orElseThrow();
    }

    /** Refused with this kind and code, and the state is byte for byte what it was. */
    private void refused(ThrowingCallable handover, ErrorKind kind, String code) {
        byte[] before = acd.toBytes();
        assertFails(handover, kind, code);
        assertThat(acd.toBytes()).as("refused %s changed the state", code).isEqualTo(before);
    }

    @Test
    void theConsultedAgentHoldsTheCallConnectedAtOnceAndTheFirstWrapsUp() {
        annOnACall();
        presence("bob", AgentState.AVAILABLE, 10);
        long sequence = interaction("c1").sequence();

        List<AcdEvent> events = AcdEngine.handover(acd, "c1", "ann", "bob", at(65));

        assertThat(events).containsExactly(
                new AcdEvent.Transferred("c1", "ann", "sales", "bob", at(65)),
                new AcdEvent.Connected("c1", "bob", "sales", 63_000, at(65)),
                new AcdEvent.AgentStateChanged("ann", AgentState.BUSY, AgentState.WRAP_UP, "transferred", at(65)),
                new AcdEvent.AgentStateChanged("bob", AgentState.AVAILABLE, AgentState.BUSY, "handover", at(65)));
        Interaction c1 = interaction("c1");
        assertThat(c1.state()).isEqualTo(InteractionState.CONNECTED);
        assertThat(c1.agentId()).isEqualTo("bob");
        assertThat(c1.queueId()).isEqualTo("sales");
        assertThat(c1.connectedAt()).as("connected since the first answer").isEqualTo(at(5));
        assertThat(c1.priority()).isEqualTo(2);
        assertThat(c1.from()).isEqualTo("+15550001");
        assertThat(c1.sequence()).isEqualTo(sequence);
        assertThat(c1.enqueuedAt()).isEqualTo(at(2));
        assertThat(c1.offeredTo()).isEmpty();
        assertThat(c1.transfers()).isEqualTo(1);
        Agent ann = acd.agent("ann").orElseThrow();
        assertThat(ann.state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(ann.wrapUpUntil()).as("the wrap-up of the queue the call came from").isEqualTo(at(95));
        assertThat(ann.interactionIds()).isEmpty();
        assertThat(ann.handled()).isEqualTo(1);
        Agent bob = acd.agent("bob").orElseThrow();
        assertThat(bob.state()).isEqualTo(AgentState.BUSY);
        assertThat(bob.assignment("c1").stage()).isEqualTo(Agent.Stage.CONNECTED);
        assertThat(bob.interactionIds()).containsExactly("c1");
        assertThat(bob.handled()).isZero();
        assertThat(acd.stats("sales").answered()).as("answered once, not again").isEqualTo(1);

        assertFails(() -> AcdEngine.complete(acd, "c1", "ann", null, null, at(70)), ErrorKind.CONFLICT, "not-connected");
        List<AcdEvent> done = AcdEngine.complete(acd, "c1", "bob", "sold", null, at(125));
        InteractionRecord record = done.stream().filter(AcdEvent.Ended.class::isInstance).map(AcdEvent.Ended.class::cast)
                .findFirst().orElseThrow().record();
        assertThat(record.agentId()).isEqualTo("bob");
        assertThat(record.transfers()).isEqualTo(1);
        assertThat(record.handleMillis()).as("handled from the first answer").isEqualTo(120_000);
        assertThat(state("bob")).isEqualTo(AgentState.WRAP_UP);
        assertThat(acd.stats("sales").completed()).isEqualTo(1);
    }

    @Test
    void theReleasedAgentIsRoutedTheNextCallInTheSameCommandWhenTheQueueHasNoWrapUp() {
        setUp();
        presence("bob", AgentState.AVAILABLE, 1);
        enqueue("t1", Channel.VOICE, "support", 2);
        AcdEngine.accept(acd, "t1", "bob", at(3));
        enqueue("t2", Channel.VOICE, "support", 4);
        presence("sue", AgentState.AVAILABLE, 5);

        List<AcdEvent> events = AcdEngine.handover(acd, "t1", "bob", "sue", at(9));

        assertThat(events).containsExactly(
                new AcdEvent.Transferred("t1", "bob", "support", "sue", at(9)),
                new AcdEvent.Connected("t1", "sue", "support", 7_000, at(9)),
                new AcdEvent.Offered("t2", "bob", "support", at(29), at(9), interaction("t2").summary()),
                new AcdEvent.AgentStateChanged("bob", AgentState.BUSY, AgentState.RESERVED, "offered", at(9)),
                new AcdEvent.AgentStateChanged("sue", AgentState.AVAILABLE, AgentState.BUSY, "handover", at(9)));
        assertThat(events).noneMatch(AcdEvent.Queued.class::isInstance);
    }

    @Test
    void anAwayAgentCanTakeAHandoverAndStaysAwayAfterwards() {
        annOnACall();
        presence("sue", AgentState.AWAY, 10);

        List<AcdEvent> events = AcdEngine.handover(acd, "c1", "ann", "sue", at(20));

        assertThat(events).contains(new AcdEvent.Connected("c1", "sue", "sales", 18_000, at(20)),
                new AcdEvent.AgentStateChanged("sue", AgentState.AWAY, AgentState.BUSY, "handover", at(20)));
        assertThat(interaction("c1").agentId()).isEqualTo("sue");
        Agent sue = acd.agent("sue").orElseThrow();
        assertThat(sue.presence()).isEqualTo(AgentState.AWAY);
        assertThat(sue.awayReason()).isEqualTo("meeting");
        AcdEngine.complete(acd, "c1", "sue", null, null, at(40));
        AcdEngine.tick(acd, at(70));
        assertThat(state("sue")).as("back to away once wrapped up").isEqualTo(AgentState.AWAY);
    }

    @Test
    void anAgentInWrapUpCanTakeAHandover() {
        annOnACall();
        agent("bob", Map.of(), "sales", "support");
        presence("bob", AgentState.AVAILABLE, 6);
        enqueue("c2", Channel.VOICE, "sales", 7);
        AcdEngine.accept(acd, "c2", "bob", at(8));
        AcdEngine.complete(acd, "c2", "bob", null, null, at(9));
        assertThat(state("bob")).isEqualTo(AgentState.WRAP_UP);

        AcdEngine.handover(acd, "c1", "ann", "bob", at(10));

        assertThat(state("bob")).isEqualTo(AgentState.BUSY);
        assertThat(interaction("c1").agentId()).isEqualTo("bob");
    }

    @Test
    void anOfflineAgentIsRefused() {
        annOnACall();
        refused(() -> AcdEngine.handover(acd, "c1", "ann", "bob", at(10)), ErrorKind.CONFLICT, "agent-unavailable");
        assertThat(interaction("c1").agentId()).isEqualTo("ann");
        assertThat(state("ann")).isEqualTo(AgentState.BUSY);
        assertThat(state("bob")).isEqualTo(AgentState.OFFLINE);
    }

    @Test
    void anAgentWithoutRoomForTheChannelIsRefused() {
        annOnACall();
        presence("bob", AgentState.AVAILABLE, 6);
        enqueue("c2", Channel.VOICE, "support", 7);
        assertThat(interaction("c2").offeredTo()).containsExactly("bob");
        refused(() -> AcdEngine.handover(acd, "c1", "ann", "bob", at(8)), ErrorKind.CONFLICT, "agent-busy");

        AcdEngine.accept(acd, "c2", "bob", at(9));
        refused(() -> AcdEngine.handover(acd, "c1", "ann", "bob", at(10)), ErrorKind.CONFLICT, "agent-busy");
        assertThat(interaction("c1").agentId()).isEqualTo("ann");
        assertThat(acd.agent("bob").orElseThrow().interactionIds()).containsExactly("c2");
    }

    @Test
    void writtenChannelsHandOverUpToTheAgentsCapacity() {
        setUp();
        presence("ann", AgentState.AVAILABLE, 1);
        presence("bob", AgentState.AVAILABLE, 1);
        for (String id : List.of("w1", "w2", "w3")) {
            enqueue(id, Channel.CHAT, "sales", 2);
        }
        enqueue("w4", Channel.CHAT, "support", 2);
        AcdEngine.accept(acd, "w1", "ann", at(3));
        AcdEngine.accept(acd, "w2", "ann", at(3));
        AcdEngine.accept(acd, "w4", "bob", at(3));

        AcdEngine.handover(acd, "w1", "ann", "bob", at(4));
        assertThat(acd.agent("bob").orElseThrow().interactionIds()).containsExactly("w4", "w1");

        refused(() -> AcdEngine.handover(acd, "w2", "ann", "bob", at(5)), ErrorKind.CONFLICT, "agent-busy");
    }

    @Test
    void eachRefusalChangesNothing() {
        annOnACall();
        presence("bob", AgentState.AVAILABLE, 6);
        enqueue("c2", Channel.VOICE, "support", 7);
        assertThat(interaction("c2").state()).isEqualTo(InteractionState.ROUTED);

        refused(() -> AcdEngine.handover(acd, "nope", "ann", "bob", at(8)), ErrorKind.NOT_FOUND, "not-found");
        refused(() -> AcdEngine.handover(acd, "c1", "bob", "sue", at(8)), ErrorKind.CONFLICT, "not-connected");
        refused(() -> AcdEngine.handover(acd, "c2", "bob", "sue", at(8)), ErrorKind.CONFLICT, "not-connected");
        refused(() -> AcdEngine.handover(acd, "c1", "ann", "ghost", at(8)), ErrorKind.NOT_FOUND, "not-found");
        refused(() -> AcdEngine.handover(acd, "c1", "ann", null, at(8)), ErrorKind.NOT_FOUND, "not-found");
        refused(() -> AcdEngine.handover(acd, "c1", "ann", "ann", at(8)), ErrorKind.INVALID_INPUT, "invalid-transfer");
        refused(() -> AcdEngine.handover(acd, "c1", "ann", "sue", at(8)), ErrorKind.CONFLICT, "agent-unavailable");
        refused(() -> AcdEngine.handover(acd, "c1", "ann", "bob", at(8)), ErrorKind.CONFLICT, "agent-busy");

        assertThat(interaction("c1").agentId()).isEqualTo("ann");
        assertThat(interaction("c1").transfers()).isZero();
        assertThat(state("ann")).isEqualTo(AgentState.BUSY);
        assertThat(state("bob")).isEqualTo(AgentState.RESERVED);
    }

    @Test
    void theCommandTheStateAndTheEventsSurviveEveryForm() throws Exception {
        annOnACall();
        presence("bob", AgentState.AVAILABLE, 10);
        AcdCommand command = new AcdCommand.Handover("c1", "ann", "bob");
        assertThat(javaRoundTrip(command)).isEqualTo(command);
        assertThat(javaRoundTrip(new AcdCommand.IfLoaded(command))).isEqualTo(new AcdCommand.IfLoaded(command));

        List<AcdEvent> events = javaRoundTrip(command).apply(acd, at(20));

        TenantAcd copy = TenantAcd.fromBytes(acd.toBytes());
        assertThat(copy.toBytes()).isEqualTo(acd.toBytes());
        Interaction c1 = copy.interaction("c1").orElseThrow();
        assertThat(c1.state()).isEqualTo(InteractionState.CONNECTED);
        assertThat(c1.agentId()).isEqualTo("bob");
        assertThat(c1.connectedAt()).isEqualTo(at(5));
        assertThat(c1.transfers()).isEqualTo(1);
        assertThat(copy.agent("bob").orElseThrow().assignment("c1").stage()).isEqualTo(Agent.Stage.CONNECTED);
        assertThat(copy.agent("ann").orElseThrow().wrapUpUntil()).isEqualTo(at(50));
        EventBatch batch = acd.stamp(events);
        assertThat(javaRoundTrip(batch)).isEqualTo(batch);
        assertThat(AcdEngine.complete(copy, "c1", "bob", null, null, at(30))).isNotEmpty();
    }

    @Test
    void theInProcessAcdRunsItAndPublishesItsBatch() throws Exception {
        InMemoryAcd memory = new InMemoryAcd(Clock.fixed(at(30), ZoneOffset.UTC));
        TenantId tenant = new TenantId("tmem");
        List<EventBatch> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        memory.execute(tenant, new AcdCommand.SetSeats(2));
        memory.execute(tenant, new AcdCommand.ConfigureQueue(QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE)));
        memory.execute(tenant, new AcdCommand.UpsertAgent(new AgentProfile("ann", Skills.NONE, Set.of("q"), Map.of())));
        memory.execute(tenant, new AcdCommand.UpsertAgent(new AgentProfile("bob", Skills.NONE, Set.of(), Map.of())));
        memory.execute(tenant, new AcdCommand.SetPresence("ann", AgentState.AVAILABLE, null));
        memory.execute(tenant, new AcdCommand.SetPresence("bob", AgentState.AWAY, "coaching"));
        memory.execute(tenant, new AcdCommand.Enqueue(new NewInteraction("c1", Channel.VOICE, "q", 0, null, null, null,
                null)));
        memory.execute(tenant, new AcdCommand.Accept("c1", "ann"));

        AutoCloseable subscription = memory.subscribe(published::add);
        List<AcdEvent> events = memory.execute(tenant, new AcdCommand.Handover("c1", "ann", "bob"));
        subscription.close();

        assertThat(events).startsWith(new AcdEvent.Transferred("c1", "ann", "q", "bob", at(30)),
                new AcdEvent.Connected("c1", "bob", "q", 0, at(30)));
        assertThat(published).singleElement().extracting(EventBatch::events).isEqualTo(events);
        TenantAcd snapshot = memory.snapshot(tenant).orElseThrow();
        assertThat(snapshot.interaction("c1").orElseThrow().agentId()).isEqualTo("bob");
        assertThat(snapshot.agent("bob").orElseThrow().state()).isEqualTo(AgentState.BUSY);
        assertThat(snapshot.agent("ann").orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);
    }

    @SuppressWarnings("unchecked")
    private static <T> T javaRoundTrip(T value) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
