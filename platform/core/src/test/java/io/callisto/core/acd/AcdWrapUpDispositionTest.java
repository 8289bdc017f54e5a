package io.callisto.core.acd;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A call the caller hung up ends (the gateway completes it with no disposition) while the agent still has to say how
 * it went: during the wrap-up that follows they complete it again, which records the disposition and notes on the
 * finished record and ends the wrap-up.
 */
class AcdWrapUpDispositionTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final TenantAcd acd = new TenantAcd(new TenantId("twrap"), 3);

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @BeforeEach
    void aCallConnectedToAnnThatTheCallerHangsUp() {
        AcdEngine.configureQueue(acd, new QueueConfig("sales", "Sales", RoutingStrategy.LONGEST_IDLE, Skills.NONE, 0,
                0, null, 120, 20, 15, 0, 1, false), T0);
        for (String agent : List.of("ann", "bob")) {
            AcdEngine.upsertAgent(acd, new AgentProfile(agent, Skills.NONE, Set.of("sales"), Map.of()), T0);
        }
        AcdEngine.setPresence(acd, "ann", AgentState.AVAILABLE, null, at(1));
        AcdEngine.enqueue(acd, new NewInteraction("c1", Channel.VOICE, "sales", 0, null, "+15550001", null, null), at(2));
        AcdEngine.accept(acd, "c1", "ann", at(3));
        AcdEngine.complete(acd, "c1", "ann", null, null, at(63));
    }

    private static <T extends AcdEvent> List<T> of(List<AcdEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void completingTheEndedCallDuringWrapUpRecordsItsDispositionAndEndsTheWrapUp() {
        assertThat(acd.agent("ann").orElseThrow().state()).isEqualTo(AgentState.WRAP_UP);

        List<AcdEvent> events = AcdEngine.complete(acd, "c1", "ann", "sale", "yearly plan", at(80));

        AcdEvent.Dispositioned recorded = of(events, AcdEvent.Dispositioned.class).getFirst();
        assertThat(recorded.record().interactionId()).isEqualTo("c1");
        assertThat(recorded.record().disposition()).isEqualTo("sale");
        assertThat(recorded.record().notes()).isEqualTo("yearly plan");
        assertThat(recorded.record().endedAt()).as("the call's end, not the wrap-up's").isEqualTo(at(63));
        assertThat(recorded.record().handleMillis()).isEqualTo(60_000);
        assertThat(recorded.record().from()).isEqualTo("+15550001");
        assertThat(of(events, AcdEvent.AgentStateChanged.class)).containsExactly(new AcdEvent.AgentStateChanged("ann",
                AgentState.WRAP_UP, AgentState.AVAILABLE, "wrap-up-done", at(80)));
        assertThat(acd.agent("ann").orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(acd.agent("ann").orElseThrow().awaitingDisposition("c1")).isEmpty();
    }

    @Test
    void itIsRecordedOnceAndOnlyByItsAgent() {
        assertFails(() -> AcdEngine.complete(acd, "c1", "bob", "sale", null, at(70)), ErrorKind.CONFLICT,
                "not-connected");
        assertFails(() -> AcdEngine.complete(acd, "c-other", "ann", "sale", null, at(70)), ErrorKind.CONFLICT,
                "not-connected");
        assertThat(AcdEngine.complete(acd, "c1", "ann", "sale", null, at(71))).isNotEmpty();

        assertFails(() -> AcdEngine.complete(acd, "c1", "ann", "refund", null, at(72)), ErrorKind.CONFLICT,
                "not-connected");
    }

    @Test
    void tooLongTextChangesNothing() {
        assertFails(() -> AcdEngine.complete(acd, "c1", "ann", "d".repeat(101), null, at(70)), ErrorKind.INVALID_INPUT,
                "text-too-long");
        assertFails(() -> AcdEngine.complete(acd, "c1", "ann", null, "n".repeat(4001), at(70)), ErrorKind.INVALID_INPUT,
                "text-too-long");

        assertThat(acd.agent("ann").orElseThrow().state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(acd.agent("ann").orElseThrow().awaitingDisposition("c1")).isPresent();
    }

    @Test
    void withNothingToRecordItOnlyEndsTheWrapUp() {
        List<AcdEvent> events = AcdEngine.complete(acd, "c1", "ann", null, null, at(70));

        assertThat(of(events, AcdEvent.Dispositioned.class)).isEmpty();
        assertThat(acd.agent("ann").orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void afterTheWrapUpHasRunOutTheDispositionCanStillBeRecordedUntilTheNextInteractionEnds() {
        AcdEngine.tick(acd, at(183));
        assertThat(acd.agent("ann").orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);

        List<AcdEvent> late = AcdEngine.complete(acd, "c1", "ann", "callback", null, at(190));
        assertThat(of(late, AcdEvent.Dispositioned.class)).hasSize(1);
        assertThat(of(late, AcdEvent.AgentStateChanged.class)).as("no wrap-up to end").isEmpty();

        AcdEngine.enqueue(acd, new NewInteraction("c2", Channel.VOICE, "sales", 0, null, null, null, null), at(200));
        AcdEngine.accept(acd, "c2", "ann", at(201));
        AcdEngine.complete(acd, "c2", "ann", null, null, at(260));
        assertFails(() -> AcdEngine.complete(acd, "c1", "ann", "late", null, at(261)), ErrorKind.CONFLICT,
                "not-connected");
        assertThat(acd.agent("ann").orElseThrow().awaitingDisposition("c2")).isPresent();
    }

    @Test
    void anInteractionCompletedWithADispositionAwaitsNone() {
        AcdEngine.finishWrapUp(acd, "ann", at(70));
        AcdEngine.enqueue(acd, new NewInteraction("c2", Channel.VOICE, "sales", 0, null, null, null, null), at(71));
        AcdEngine.accept(acd, "c2", "ann", at(72));

        AcdEngine.complete(acd, "c2", "ann", "sale", null, at(90));

        assertThat(acd.agent("ann").orElseThrow().awaitingDisposition("c2")).isEmpty();
        assertThat(acd.agent("ann").orElseThrow().awaitingDisposition("c1")).isEmpty();
        assertFails(() -> AcdEngine.complete(acd, "c2", "ann", "again", null, at(91)), ErrorKind.CONFLICT,
                "not-connected");
    }
}
