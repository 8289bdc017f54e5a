package io.callisto.core.acd;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Calls agents place ({@link AcdCommand.DialOut}): interactions connected to their agent from the first moment. */
class AcdDialOutTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private final TenantAcd acd = new TenantAcd(new TenantId("tdialout"), 5);

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Sales wraps up for 30 s; support none. Ann serves sales and support, bob support, sue no queue. */
    private void setUp() {
        AcdEngine.configureQueue(acd, new QueueConfig("sales", "Sales", RoutingStrategy.LONGEST_IDLE, Skills.NONE, 0,
                0, null, 30, 20, 15, 0, 1, false), T0);
        AcdEngine.configureQueue(acd, QueueConfig.simple("support", RoutingStrategy.LONGEST_IDLE), T0);
        agent("ann", "support", "sales");
        agent("bob", "support");
        agent("sue");
    }

    private void agent(String id, String... queues) {
        AcdEngine.upsertAgent(acd, new AgentProfile(id, Skills.NONE, Set.of(queues), Map.of()), T0);
    }

    private void presence(String id, AgentState presence, long second) {
        AcdEngine.setPresence(acd, id, presence, presence == AgentState.AWAY ? "outbound" : null, at(second));
    }

    private static NewInteraction call(String id, String queue) {
        return new NewInteraction(id, Channel.VOICE, queue, 0, null, "+15559990000", null, Map.of("trunkId", "t1"));
    }

    private AgentState state(String agent) {
        return acd.agent(agent).orElseThrow().state();
    }

    private void refused(ThrowingCallable dial, ErrorKind kind, String code) {
        byte[] before = acd.toBytes();
        assertFails(dial, kind, code);
        assertThat(acd.toBytes()).as("refused %s changed the state", code).isEqualTo(before);
    }

    @Test
    void theDialledCallIsConnectedToItsAgentAtOnceAndMarkedOutbound() {
        setUp();
        presence("ann", AgentState.AVAILABLE, 1);
        List<AcdEvent> events = AcdEngine.dialOut(acd, call("c1", "sales"), "ann", at(5));
        assertThat(events).containsExactly(new AcdEvent.Connected("c1", "ann", "sales", 0, at(5)),
                new AcdEvent.AgentStateChanged("ann", AgentState.AVAILABLE, AgentState.BUSY, "dialing-out", at(5)));
        Interaction c1 = acd.interaction("c1").orElseThrow();
        assertThat(c1.state()).isEqualTo(InteractionState.CONNECTED);
        assertThat(c1.agentId()).isEqualTo("ann");
        assertThat(c1.data()).containsEntry("direction", "outbound").containsEntry("trunkId", "t1");
        assertThat(DialOut.isOutbound(c1)).isTrue();
        assertThat(acd.agent("ann").orElseThrow().presence()).as("her presence is hers").isEqualTo(AgentState.AVAILABLE);
        // nothing queued is offered to her meanwhile
        AcdEngine.enqueue(acd, new NewInteraction("c2", Channel.VOICE, "sales", 0, null, "+1555", null, null), at(6));
        assertThat(acd.interaction("c2").orElseThrow().offeredTo()).isEmpty();
    }

    @Test
    void anAgentAwayMayDialAndAnOfferWaitingForThemIsWithdrawn() {
        setUp();
        presence("ann", AgentState.AVAILABLE, 1);
        AcdEngine.enqueue(acd, new NewInteraction("in1", Channel.VOICE, "sales", 0, null, "+1555", null, null), at(2));
        assertThat(acd.interaction("in1").orElseThrow().offeredTo()).containsExactly("ann");
        List<AcdEvent> events = AcdEngine.dialOut(acd, call("c1", "sales"), "ann", at(3));
        assertThat(events).contains(new AcdEvent.OfferWithdrawn("in1", "ann", "dialing-out", at(3)));
        assertThat(acd.interaction("in1").orElseThrow().state()).isEqualTo(InteractionState.WAITING);
        presence("bob", AgentState.AWAY, 4);
        AcdEngine.dialOut(acd, call("c2", "support"), "bob", at(5));
        assertThat(state("bob")).isEqualTo(AgentState.BUSY);
    }

    @Test
    void anAgentWrappingUpFinishesFirstSoThatTheLastCallsDispositionIsNotLost() {
        setUp();
        presence("ann", AgentState.AVAILABLE, 1);
        AcdEngine.enqueue(acd, new NewInteraction("in1", Channel.VOICE, "sales", 0, null, "+1555", null, null), at(2));
        AcdEngine.accept(acd, "in1", "ann", at(3));
        AcdEngine.complete(acd, "in1", "ann", null, null, at(30));
        refused(() -> AcdEngine.dialOut(acd, call("c1", "sales"), "ann", at(31)), ErrorKind.CONFLICT,
                "agent-wrapping-up");
        AcdEngine.complete(acd, "in1", "ann", "Resolved", "notes", at(40));
        assertThat(AcdEngine.dialOut(acd, call("c1", "sales"), "ann", at(41))).isNotEmpty();
    }

    @Test
    void refusalsChangeNothing() {
        setUp();
        refused(() -> AcdEngine.dialOut(acd, call("c1", "sales"), "ann", at(1)), ErrorKind.CONFLICT, "agent-offline");
        presence("ann", AgentState.AVAILABLE, 1);
        refused(() -> AcdEngine.dialOut(acd, call("c1", "nope"), "ann", at(2)), ErrorKind.NOT_FOUND, "not-found");
        refused(() -> AcdEngine.dialOut(acd, call("c1", "sales"), "nobody", at(2)), ErrorKind.NOT_FOUND,
                "not-found");
        refused(() -> AcdEngine.dialOut(acd, new NewInteraction("c1", Channel.CHAT, "sales", 0, null, "x", null, null),
                "ann", at(2)), ErrorKind.INVALID_INPUT, "invalid-channel");
        AcdEngine.dialOut(acd, call("c1", "sales"), "ann", at(3));
        refused(() -> AcdEngine.dialOut(acd, call("c2", "sales"), "ann", at(4)), ErrorKind.CONFLICT, "agent-busy");
        presence("bob", AgentState.AVAILABLE, 4);
        refused(() -> AcdEngine.dialOut(acd, call("c1", "support"), "bob", at(5)), ErrorKind.CONFLICT,
                "duplicate-interaction");
    }

    @Test
    void anUnansweredCallEndsWithoutWrapUpAndAnAnsweredOneIsWrappedUpButCountsInNoQueueFigures() {
        setUp();
        presence("ann", AgentState.AVAILABLE, 1);
        AcdEngine.dialOut(acd, call("c1", "sales"), "ann", at(2));
        List<AcdEvent> busy = AcdEngine.dialUnanswered(acd, "c1", "ann", "busy", at(8));
        assertThat(busy).contains(new AcdEvent.AgentStateChanged("ann", AgentState.BUSY, AgentState.AVAILABLE,
                "unanswered", at(8)));
        InteractionRecord unanswered = busy.stream().filter(AcdEvent.Ended.class::isInstance)
                .map(e -> ((AcdEvent.Ended) e).record()).findFirst().orElseThrow();
        assertThat(unanswered.finalState()).isEqualTo(InteractionState.UNANSWERED);
        assertThat(unanswered.disposition()).isEqualTo("busy");
        assertThat(io.callisto.core.billing.CallUsage.of(unanswered)).as("nobody answered: not billed").isEmpty();
        assertThat(state("ann")).as("nothing to wrap up").isEqualTo(AgentState.AVAILABLE);
        assertThat(acd.agent("ann").orElseThrow().handled()).as("no call handled").isZero();
        assertThat(acd.interaction("c1")).isEmpty();

        AcdEngine.dialOut(acd, call("c2", "sales"), "ann", at(10));
        assertThat(AcdEngine.dialAnswered(acd, "c2", "ann", at(25))).isEmpty();
        List<AcdEvent> done = AcdEngine.complete(acd, "c2", "ann", null, null, at(70));
        InteractionRecord answered = done.stream().filter(AcdEvent.Ended.class::isInstance)
                .map(e -> ((AcdEvent.Ended) e).record()).findFirst().orElseThrow();
        assertThat(answered.createdAt()).as("its time starts with the customer's answer").isEqualTo(at(25));
        assertThat(answered.connectedAt()).isEqualTo(at(25));
        assertThat(io.callisto.core.billing.CallUsage.of(answered).orElseThrow().billableSeconds()).isEqualTo(45);
        assertThat(state("ann")).isEqualTo(AgentState.WRAP_UP);
        assertThat(acd.stats("sales").answered()).isZero();
        assertThat(acd.stats("sales").completed()).isZero();
        AcdEngine.enqueue(acd, new NewInteraction("in1", Channel.VOICE, "sales", 0, null, "+1555", null, null), at(71));
        refused(() -> AcdEngine.dialUnanswered(acd, "in1", "ann", "busy", at(72)), ErrorKind.CONFLICT, "not-outbound");
        refused(() -> AcdEngine.dialAnswered(acd, "in1", "ann", at(72)), ErrorKind.CONFLICT, "not-outbound");
    }

    @Test
    void theMarkCountsOnlyOnVoiceWhichOnlyTheGatewayMakes() {
        setUp();
        AcdEngine.enqueue(acd, new NewInteraction("t1", Channel.TASK, "sales", 0, null, "crm", null,
                Map.of("direction", "outbound")), at(1));
        assertThat(DialOut.isOutbound(acd.interaction("t1").orElseThrow())).isFalse();
    }

    @Test
    void aDialledCallTransferredToAQueueWhereTheCustomerHangsUpIsNoAbandonmentOfThatQueue() {
        setUp();
        presence("ann", AgentState.AVAILABLE, 1);
        AcdEngine.dialOut(acd, call("c1", "sales"), "ann", at(2));
        AcdEngine.transfer(acd, "c1", "ann", "support", null, at(30));
        AcdEngine.abandon(acd, "c1", at(40));
        assertThat(acd.stats("support").abandoned()).isZero();
        refused(() -> AcdEngine.dialAnswered(acd, "c1", "ann", at(41)), ErrorKind.NOT_FOUND, "not-found");
    }

    @Test
    void aDialledCallTransferredToAQueueIsAnsweredThereWithoutCountingAsTheQueuesCall() {
        setUp();
        presence("ann", AgentState.AVAILABLE, 1);
        AcdEngine.dialOut(acd, call("c1", "sales"), "ann", at(2));
        AcdEngine.transfer(acd, "c1", "ann", "support", null, at(30));
        presence("bob", AgentState.AVAILABLE, 31);
        assertThat(acd.interaction("c1").orElseThrow().offeredTo()).containsExactly("bob");
        AcdEngine.accept(acd, "c1", "bob", at(33));
        assertThat(acd.interaction("c1").orElseThrow().agentId()).isEqualTo("bob");
        assertThat(acd.stats("support").answered()).isZero();
        AcdEngine.handover(acd, "c1", "bob", "ann", at(40));
        assertThat(acd.interaction("c1").orElseThrow().transfers()).isEqualTo(2);
    }

    @Test
    void theDefaultQueueIsTheAgentsFirstElseTheTenantsFirst() {
        setUp();
        assertThat(AcdEngine.dialQueue(acd, "ann")).contains("sales");
        assertThat(AcdEngine.dialQueue(acd, "bob")).contains("support");
        assertThat(AcdEngine.dialQueue(acd, "sue")).contains("sales");
        assertThat(AcdEngine.dialQueue(new TenantAcd(new TenantId("empty"), 1), "sue")).isEmpty();
    }
}
