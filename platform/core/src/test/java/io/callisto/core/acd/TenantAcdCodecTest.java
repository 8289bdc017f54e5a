package io.callisto.core.acd;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every part of a tenant's state survives its compact form, including the rarely set ones. */
class TenantAcdCodecTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123456789Z");
    /**
     * A state as version 2 (before queues had {@code recordCalls}) wrote it, frozen: tenant "tv2" with 2 seats,
     * queue "b" ({@code QueueConfig.simple(.., ROUND_ROBIN)}) and queue "a" (SKILLS, es 4, overflowing into "b"),
     * agent "ann" serving both, and voice call "c1" she accepted. The queues come first, so reading a flag that is
     * not there would shift everything after them.
     */
    private static final String VERSION_2_STATE =
            "020003747632000000020000000000000001000000000000000000000000000200016200016202000000000000000000"
            + "000000000000000000000014000000140000000000000001000161000553616c65730100000001000265730400000003"
            + "0000003c010001620000000f000000140000000a0000001e00000002000000010003616e6e0000000100026573070000"
            + "000200016100016205000000000101000000030200000005030000000104000000050100000000010002633100020001"
            + "000000006b02bd220000000001000000006b02bd20000000000000000000000000000000010001610000000000000001"
            + "0000000000000001000000000000000000000000000000004105f9000000000000000001000263310000016100000000"
            + "0000000001000c2b3334363030313233343536000000000000000000000000000101000000006b02bd21000000000100"
            + "0000006b02bd210000000002000000000000000000010003616e6e01000000006b02bd22000000000000000000000000"
            + "000000";

    @Test
    void aRichStateReadsBackAsItWasWritten() {
        TenantAcd acd = new TenantAcd(new TenantId("tcodec"), 5);
        AcdEngine.configureQueue(acd, new QueueConfig("a", "Sales ünïcødé", RoutingStrategy.SKILLS,
                new Skills(Map.of("es", 4)), 3, 60, null, 15, 20, 10, 30, 2, true), T0);
        AcdEngine.configureQueue(acd, new QueueConfig("b", "Billing", RoutingStrategy.ROUND_ROBIN, Skills.NONE, 0, 60, "a",
                0, 20, 10, 0, 1, false), T0);
        AcdEngine.upsertAgent(acd, new AgentProfile("ann", new Skills(Map.of("es", 7)), Set.of("a", "b"),
                Map.of(Channel.CHAT, 3)), T0);
        AcdEngine.upsertAgent(acd, new AgentProfile("bob", Skills.NONE, Set.of("b"), Map.of()), T0);
        AcdEngine.setPresence(acd, "ann", AgentState.AVAILABLE, null, T0);
        AcdEngine.setPresence(acd, "bob", AgentState.AVAILABLE, null, T0);
        AcdEngine.enqueue(acd, new NewInteraction("c1", Channel.CHAT, "a", 2, new Skills(Map.of("es", 2)), "+34600123456",
                "Pedido", Map.of("order", "42"), new ContactRef("k1", "Maria", null)), T0.plusSeconds(1));
        AcdEngine.accept(acd, "c1", "ann", T0.plusSeconds(2));
        AcdEngine.transfer(acd, "c1", "ann", null, "bob", T0.plusSeconds(3));
        AcdEngine.enqueue(acd, new NewInteraction("c2", Channel.VOICE, "b", 0, null, null, null, null), T0.plusSeconds(4));
        AcdEngine.reject(acd, "c2", acd.interaction("c2").orElseThrow().offeredTo().iterator().next(), T0.plusSeconds(5));
        AcdEngine.setPresence(acd, "ann", AgentState.AWAY, "lunch", T0.plusSeconds(6));
        acd.recentResults().remember("0f8fad5b-d9cb-469f-a165-70867728950e");
        acd.recentResults().remember("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        acd.stamp(List.of());

        TenantAcd copy = TenantAcd.fromBytes(acd.toBytes());

        assertThat(copy.toBytes()).isEqualTo(acd.toBytes());
        assertThat(copy.tenantId()).isEqualTo(acd.tenantId());
        assertThat(copy.seatsLeased()).isEqualTo(5);
        assertThat(copy.queues()).containsExactlyElementsOf(acd.queues());
        assertThat(copy.queue("a").orElseThrow().recordCalls()).isTrue();
        assertThat(copy.queue("b").orElseThrow().recordCalls()).isFalse();
        Interaction c1 = copy.interaction("c1").orElseThrow();
        assertThat(c1.contact()).isEqualTo(new ContactRef("k1", "Maria", null));
        assertThat(c1.targetAgentId()).isEqualTo("bob");
        assertThat(c1.transfers()).isEqualTo(1);
        assertThat(c1.data()).isEqualTo(Map.of("order", "42"));
        assertThat(c1.summary()).isEqualTo(acd.interaction("c1").orElseThrow().summary());
        assertThat(c1.createdAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(copy.interaction("c2").orElseThrow().state()).isEqualTo(acd.interaction("c2").orElseThrow().state());
        Agent ann = copy.agent("ann").orElseThrow();
        assertThat(ann.awayReason()).isEqualTo("lunch");
        assertThat(ann.profile()).isEqualTo(acd.agent("ann").orElseThrow().profile());
        assertThat(ann.handled()).isEqualTo(1);
        assertThat(ann.wrapUpUntil()).isEqualTo(acd.agent("ann").orElseThrow().wrapUpUntil());
        assertThat(copy.agent("bob").orElseThrow().interactionIds()).isEqualTo(acd.agent("bob").orElseThrow().interactionIds());
        assertThat(copy.stats("a").answered()).isEqualTo(1);
        assertThat(copy.recentResults().contains("0f8fad5b-d9cb-469f-a165-70867728950e")).isTrue();
        assertThat(copy.recentResults().contains("1b4e28ba-2fa1-11d2-883f-0016d3cca427")).isTrue();
        assertThat(copy.recentResults().contains("6ba7b810-9dad-11d1-80b4-00c04fd430c8")).isFalse();
        assertThat(copy.stamp(List.of()).sequence()).isEqualTo(acd.stamp(List.of()).sequence());
        assertThat(acd.toBytes().length).as("compact").isLessThan(2_000);
    }

    @Test
    void anAgentsEndedInteractionAwaitingItsDispositionSurvivesTheCompactForm() {
        TenantAcd acd = new TenantAcd(new TenantId("twrap"), 1);
        AcdEngine.configureQueue(acd, QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE), T0);
        AcdEngine.upsertAgent(acd, new AgentProfile("ann", Skills.NONE, Set.of("q"), Map.of()), T0);
        AcdEngine.setPresence(acd, "ann", AgentState.AVAILABLE, null, T0);
        AcdEngine.enqueue(acd, new NewInteraction("c1", Channel.VOICE, "q", 0, null, "+15550001", null, null), T0);
        AcdEngine.accept(acd, "c1", "ann", T0.plusSeconds(1));
        AcdEngine.complete(acd, "c1", "ann", null, null, T0.plusSeconds(9));

        TenantAcd copy = TenantAcd.fromBytes(acd.toBytes());

        InteractionRecord awaited = acd.agent("ann").orElseThrow().awaitingDisposition("c1").orElseThrow();
        assertThat(copy.agent("ann").orElseThrow().awaitingDisposition("c1")).contains(awaited);
        assertThat(awaited.from()).isEqualTo("+15550001");
        assertThat(copy.toBytes()).isEqualTo(acd.toBytes());
    }

    @Test
    void whetherAQueueRecordsItsCallsSurvivesTheCompactFormEitherWay() {
        for (boolean record : new boolean[] {true, false}) {
            TenantAcd acd = new TenantAcd(new TenantId("trec"), 1);
            QueueConfig queue = QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE).withRecordCalls(record);
            AcdEngine.configureQueue(acd, queue, T0);

            byte[] bytes = acd.toBytes();
            TenantAcd copy = TenantAcd.fromBytes(bytes);

            assertThat(bytes[0]).isEqualTo((byte) TenantAcdCodec.VERSION);
            assertThat(copy.queue("q")).contains(queue);
            assertThat(copy.queue("q").orElseThrow().recordCalls()).isEqualTo(record);
            assertThat(copy.toBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void stateStoredByVersion2StillReadsWithQueuesThatDoNotRecord() {
        byte[] stored = java.util.HexFormat.of().parseHex(VERSION_2_STATE);
        assertThat(stored[0]).isEqualTo((byte) 2);

        TenantAcd acd = TenantAcd.fromBytes(stored);

        assertThat(acd.tenantId()).isEqualTo(new TenantId("tv2"));
        assertThat(acd.seatsLeased()).isEqualTo(2);
        assertThat(acd.queues()).containsExactly(QueueConfig.simple("b", RoutingStrategy.ROUND_ROBIN),
                new QueueConfig("a", "Sales", RoutingStrategy.SKILLS, new Skills(Map.of("es", 4)), 3, 60, "b", 15, 20, 10,
                        30, 2, false));
        assertThat(acd.agent("ann").orElseThrow().profile()).isEqualTo(new AgentProfile("ann", new Skills(Map.of("es", 7)),
                Set.of("a", "b"), Map.of()));
        Interaction c1 = acd.interaction("c1").orElseThrow();
        assertThat(c1.state()).isEqualTo(InteractionState.CONNECTED);
        assertThat(c1.agentId()).isEqualTo("ann");
        assertThat(c1.from()).isEqualTo("+34600123456");
        assertThat(c1.connectedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:02Z"));
        assertThat(acd.stats("a").answered()).isEqualTo(1);
        assertThat(acd.agent("ann").orElseThrow().awaitingDisposition("c1")).isEmpty();
        // written again it takes the current layout: one flag more per queue and one per agent (no disposition
        // awaited), and it reads back the same
        byte[] rewritten = acd.toBytes();
        assertThat(rewritten[0]).isEqualTo((byte) TenantAcdCodec.VERSION);
        assertThat(rewritten).hasSize(stored.length + acd.queues().size() + acd.agents().size());
        assertThat(TenantAcd.fromBytes(rewritten).toBytes()).isEqualTo(rewritten);
    }

    @Test
    void anUnknownVersionIsRefused() {
        byte[] bytes = new TenantAcd(new TenantId("tver"), 0).toBytes();
        for (int version : new int[] {1, TenantAcdCodec.VERSION + 1}) {
            bytes[0] = (byte) version;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantAcd.fromBytes(bytes))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("version " + version);
        }
    }

    @Test
    void everyKindOfEventSurvivesTheBatchForm() throws Exception {
        InteractionSummary summary = new InteractionSummary("c1", Channel.EMAIL, "a", 3, "x@example.test", "Hi",
                Map.of("k", "v"), new ContactRef("k1", null, "Co"), T0);
        InteractionRecord record = new InteractionRecord("c1", Channel.EMAIL, "a", "ann", InteractionState.COMPLETED, null,
                "Hi", 3, T0, T0.plusSeconds(1), T0.plusSeconds(9), "sold", "notes ünï", "k1", 2);
        List<AcdEvent> events = List.of(
                new AcdEvent.Offered("c1", "ann", "a", T0.plusSeconds(20), T0, summary),
                new AcdEvent.Offered("c2", "bob", "a", T0.plusSeconds(20), T0, null),
                new AcdEvent.OfferWithdrawn("c1", "ann", "missed", T0),
                new AcdEvent.AgentStateChanged("ann", AgentState.AVAILABLE, AgentState.AWAY, null, T0),
                new AcdEvent.Queued("c1", "a", T0),
                new AcdEvent.Connected("c1", "ann", "a", 1234, T0),
                new AcdEvent.Overflowed("c1", "a", "b", T0),
                new AcdEvent.Transferred("c1", "ann", "b", null, T0),
                new AcdEvent.Ended(record, T0),
                new AcdEvent.Dispositioned(record, T0.plusSeconds(30)));
        EventBatch batch = new EventBatch(new TenantId("tcodec"), 42, events);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(batch);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(batch);
        }
    }

    @Test
    void recentRequestIdsAreKeptUpToTheCapacityOldestOutFirst() {
        RecentResults recent = new RecentResults();
        List<String> ids = java.util.stream.IntStream.range(0, RecentResults.CAPACITY + 1)
                .mapToObj(i -> java.util.UUID.randomUUID().toString()).toList();
        ids.forEach(recent::remember);
        assertThat(recent.contains(ids.getFirst())).isFalse();
        assertThat(ids.subList(1, ids.size())).allMatch(recent::contains);
        TenantAcd acd = new TenantAcd(new TenantId("tring"), 0);
        ids.forEach(acd.recentResults()::remember);
        TenantAcd copy = TenantAcd.fromBytes(acd.toBytes());
        assertThat(ids.subList(1, ids.size())).allMatch(copy.recentResults()::contains);
        assertThat(copy.recentResults().contains(ids.getFirst())).isFalse();
    }
}
