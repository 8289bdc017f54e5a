package io.callisto.core.acd;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine's transitions: presence, seats, offers, accept, reject, timeouts, wrap-up, abandon, overflow. */
class AcdEngineTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final TenantAcd acd = new TenantAcd(new TenantId("tacme"), 3);

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private void agent(String id, String... queues) {
        AcdEngine.upsertAgent(acd, new AgentProfile(id, Skills.NONE, Set.of(queues), Map.of()), T0);
    }

    private List<AcdEvent> available(String id, long second) {
        return AcdEngine.setPresence(acd, id, AgentState.AVAILABLE, null, at(second));
    }

    private List<AcdEvent> call(String id, String queue, long second) {
        return AcdEngine.enqueue(acd, new NewInteraction(id, Channel.VOICE, queue, 0, null, "+15550001", null, null),
                at(second));
    }

    private static List<AcdEvent.Offered> offers(List<AcdEvent> events) {
        return events.stream().filter(AcdEvent.Offered.class::isInstance).map(AcdEvent.Offered.class::cast).toList();
    }

    private AgentState state(String agent) {
        return acd.agent(agent).orElseThrow().state();
    }

    @Test
    void anAvailableAgentIsOfferedACallAcceptsItAndWrapsUp() {
        AcdEngine.configureQueue(acd, new QueueConfig("sales", "Sales", RoutingStrategy.LONGEST_IDLE, Skills.NONE, 0,
                0, null, 30, 20, 15, 0, 1, false), T0);
        agent("ann", "sales");
        List<AcdEvent> login = available("ann", 1);
        assertThat(login).containsExactly(new AcdEvent.AgentStateChanged("ann", AgentState.OFFLINE,
                AgentState.AVAILABLE, "agent", at(1)));

        List<AcdEvent> queued = call("c1", "sales", 2);
        assertThat(offers(queued)).containsExactly(new AcdEvent.Offered("c1", "ann", "sales", at(17), at(2),
                new InteractionSummary("c1", Channel.VOICE, "sales", 0, "+15550001", null, java.util.Map.of(), null, at(2))));
        assertThat(state("ann")).isEqualTo(AgentState.RESERVED);

        AcdEngine.ringing(acd, "c1", "ann", at(3));
        assertThat(state("ann")).isEqualTo(AgentState.RINGING);
        List<AcdEvent> accepted = AcdEngine.accept(acd, "c1", "ann", at(5));
        assertThat(accepted).contains(new AcdEvent.Connected("c1", "ann", "sales", 3000, at(5)));
        assertThat(state("ann")).isEqualTo(AgentState.BUSY);

        List<AcdEvent> done = AcdEngine.complete(acd, "c1", "ann", "sold", "nice", at(65));
        AcdEvent.Ended ended = done.stream().filter(AcdEvent.Ended.class::isInstance).map(AcdEvent.Ended.class::cast)
                .findFirst().orElseThrow();
        assertThat(ended.record().finalState()).isEqualTo(InteractionState.COMPLETED);
        assertThat(ended.record().handleMillis()).isEqualTo(60_000);
        assertThat(ended.record().disposition()).isEqualTo("sold");
        assertThat(state("ann")).isEqualTo(AgentState.WRAP_UP);
        assertThat(acd.interaction("c1")).isEmpty();
        assertThat(acd.stats("sales").serviceLevel()).isEqualTo(1.0);

        call("c2", "sales", 70);
        assertThat(acd.interaction("c2").orElseThrow().state()).as("no offer during wrap-up")
                .isEqualTo(InteractionState.WAITING);
        assertThat(AcdEngine.nextDeadline(acd, at(70))).contains(at(95));
        List<AcdEvent> afterWrapUp = AcdEngine.tick(acd, at(95));
        assertThat(offers(afterWrapUp)).extracting(AcdEvent.Offered::agentId).containsExactly("ann");
    }

    @Test
    void loginIsRefusedBeyondTheLeasedSeats() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE), T0);
        for (String a : List.of("a1", "a2", "a3", "a4")) {
            agent(a, "q");
        }
        available("a1", 1);
        AcdEngine.setPresence(acd, "a2", AgentState.AWAY, "lunch", at(1));
        available("a3", 1);
        assertFails(() -> available("a4", 2), ErrorKind.CONFLICT, "seat-limit-reached");
        assertThat(acd.seatsInUse()).isEqualTo(3);
        assertFails(() -> AcdEngine.setSeats(acd, 2), ErrorKind.CONFLICT, "seats-in-use");

        AcdEngine.setPresence(acd, "a1", AgentState.OFFLINE, null, at(3));
        assertThat(available("a4", 4)).isNotEmpty();
        AcdEngine.setSeats(acd, 5);
        assertThat(acd.seatsLeased()).isEqualTo(5);
    }

    @Test
    void aMissedOfferGoesBackToItsPlaceAndTheAgentAway() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE), T0);
        agent("ann", "q");
        agent("bob", "q");
        call("first", "q", 1);
        call("second", "q", 2);
        available("ann", 3);
        assertThat(acd.interaction("first").orElseThrow().offeredTo()).containsExactly("ann");

        List<AcdEvent> timeout = AcdEngine.tick(acd, at(23));
        assertThat(timeout).contains(new AcdEvent.OfferWithdrawn("first", "ann", "missed", at(23)),
                new AcdEvent.AgentStateChanged("ann", AgentState.RESERVED, AgentState.AWAY, "missed", at(23)));
        assertThat(acd.agent("ann").orElseThrow().awayReason()).isEqualTo("missed");

        List<AcdEvent> bobLogsIn = available("bob", 24);
        assertThat(offers(bobLogsIn)).extracting(AcdEvent.Offered::interactionId)
                .as("the missed call kept its place ahead of the later one").containsExactly("first");
    }

    @Test
    void aRejectedOfferGoesToAnotherAgentFirst() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE), T0);
        agent("ann", "q");
        agent("bob", "q");
        available("ann", 1);
        available("bob", 2);
        call("c1", "q", 3);
        assertThat(acd.interaction("c1").orElseThrow().offeredTo()).containsExactly("ann");

        List<AcdEvent> rejected = AcdEngine.reject(acd, "c1", "ann", at(4));
        assertThat(offers(rejected)).extracting(AcdEvent.Offered::agentId).containsExactly("bob");
        assertThat(state("ann")).isEqualTo(AgentState.AVAILABLE);
        AcdEngine.reject(acd, "c1", "bob", at(5));
        assertThat(acd.interaction("c1").orElseThrow().offeredTo()).as("offered again when nobody else can")
                .hasSize(1);
    }

    @Test
    void aDeviceThatRefusesSetsItsAgentAwayInTheSameStepSoTheCallIsNotOfferedToThemAgain() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE), T0);
        agent("ann", "q");
        available("ann", 1);
        call("c1", "q", 2);
        AcdEngine.ringing(acd, "c1", "ann", at(3));

        List<AcdEvent> refused = AcdEngine.rejectAndAway(acd, "c1", "ann", "device-unreachable", at(4));
        assertThat(offers(refused)).as("the only agent is away: nobody is offered the call").isEmpty();
        assertThat(refused).contains(new AcdEvent.OfferWithdrawn("c1", "ann", "rejected", at(4)),
                new AcdEvent.AgentStateChanged("ann", AgentState.RINGING, AgentState.AWAY, "device-unreachable", at(4)));
        assertThat(state("ann")).isEqualTo(AgentState.AWAY);
        assertThat(acd.interaction("c1").orElseThrow().offeredTo()).isEmpty();

        agent("bob", "q");
        assertThat(offers(available("bob", 5))).extracting(AcdEvent.Offered::agentId).containsExactly("bob");
        assertFails(() -> AcdEngine.rejectAndAway(acd, "c1", "ann", "busy", at(6)), ErrorKind.CONFLICT, "not-offered");
    }

        @Test
    void ringAllOffersEveryoneAndTheFirstAcceptWins() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("q", RoutingStrategy.RING_ALL), T0);
        agent("ann", "q");
        agent("bob", "q");
        available("ann", 1);
        available("bob", 1);
        assertThat(offers(call("c1", "q", 2))).extracting(AcdEvent.Offered::agentId).containsExactly("ann", "bob");

        List<AcdEvent> accepted = AcdEngine.accept(acd, "c1", "bob", at(3));
        assertThat(accepted).contains(new AcdEvent.OfferWithdrawn("c1", "ann", "taken-by-another", at(3)));
        assertThat(state("ann")).isEqualTo(AgentState.AVAILABLE);
        assertThat(state("bob")).isEqualTo(AgentState.BUSY);
        assertFails(() -> AcdEngine.accept(acd, "c1", "ann", at(4)), ErrorKind.CONFLICT, "not-offered");
    }

    @Test
    void abandoningAWaitingOrOfferedCallReleasesEverything() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE), T0);
        agent("ann", "q");
        available("ann", 1);
        call("c1", "q", 2);
        List<AcdEvent> abandoned = AcdEngine.abandon(acd, "c1", at(4));
        assertThat(abandoned).contains(new AcdEvent.OfferWithdrawn("c1", "ann", "abandoned", at(4)));
        assertThat(state("ann")).isEqualTo(AgentState.AVAILABLE);
        assertThat(acd.interaction("c1")).isEmpty();
        assertThat(acd.stats("q").abandoned()).isEqualTo(1);
        assertThat(acd.stats("q").abandonmentRate()).isEqualTo(1.0);
        assertFails(() -> AcdEngine.abandon(acd, "c1", at(5)), ErrorKind.NOT_FOUND, "not-found");
    }

    @Test
    void aCallWaitingTooLongOverflows() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("backup", RoutingStrategy.LONGEST_IDLE), T0);
        AcdEngine.configureQueue(acd, new QueueConfig("front", "Front", RoutingStrategy.LONGEST_IDLE, Skills.NONE, 0,
                60, "backup", 0, 20, 20, 0, 1, false), T0);
        agent("ann", "backup");
        available("ann", 1);
        call("c1", "front", 2);
        assertThat(AcdEngine.nextDeadline(acd, at(2))).contains(at(62));
        assertThat(AcdEngine.tick(acd, at(61))).isEmpty();

        List<AcdEvent> overflow = AcdEngine.tick(acd, at(62));
        assertThat(overflow).contains(new AcdEvent.Overflowed("c1", "front", "backup", at(62)));
        assertThat(offers(overflow)).extracting(AcdEvent.Offered::agentId).containsExactly("ann");
    }

    @Test
    void invalidOperationsChangeNothing() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE), T0);
        agent("ann", "q");
        assertFails(() -> call("c1", "nope", 1), ErrorKind.NOT_FOUND, "not-found");
        call("c1", "q", 1);
        assertFails(() -> call("c1", "q", 2), ErrorKind.CONFLICT, "duplicate-interaction");
        assertFails(() -> AcdEngine.setPresence(acd, "ann", AgentState.BUSY, null, at(2)), ErrorKind.INVALID_INPUT,
                "invalid-state");
        assertFails(() -> AcdEngine.accept(acd, "c1", "ann", at(2)), ErrorKind.CONFLICT, "not-offered");
        assertFails(() -> AcdEngine.complete(acd, "c1", "ann", null, null, at(2)), ErrorKind.CONFLICT, "not-connected");
        assertFails(() -> available("ghost", 2), ErrorKind.NOT_FOUND, "not-found");
        assertFails(() -> AcdEngine.removeQueue(acd, "q"), ErrorKind.CONFLICT, "queue-not-empty");
        assertThat(acd.interaction("c1").orElseThrow().state()).isEqualTo(InteractionState.WAITING);
        assertThat(state("ann")).isEqualTo(AgentState.OFFLINE);
    }

    @Test
    void aBusyAgentCannotLogOutButAnOfferedOneCanAndTheOfferReturns() {
        AcdEngine.configureQueue(acd, QueueConfig.simple("q", RoutingStrategy.LONGEST_IDLE), T0);
        agent("ann", "q");
        available("ann", 1);
        call("c1", "q", 2);
        AcdEngine.setPresence(acd, "ann", AgentState.OFFLINE, null, at(3));
        assertThat(acd.interaction("c1").orElseThrow().state()).isEqualTo(InteractionState.WAITING);

        available("ann", 4);
        AcdEngine.accept(acd, "c1", "ann", at(5));
        assertFails(() -> AcdEngine.setPresence(acd, "ann", AgentState.OFFLINE, null, at(6)), ErrorKind.CONFLICT,
                "agent-busy");
        assertThat(Duration.between(acd.agent("ann").orElseThrow().stateSince(), at(6))).isEqualTo(Duration.ofSeconds(1));
    }
}
