package io.callisto.core.routing;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static io.callisto.core.testing.CallistoAssertions.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.AgentState;
import io.callisto.core.acd.InteractionState;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.agent.AgentService;
import io.callisto.core.agent.AgentSettings;
import io.callisto.core.agent.AgentStateChange;
import io.callisto.core.agent.AwayReason;
import io.callisto.core.agent.SipDigests;
import io.callisto.core.auth.Caller;
import io.callisto.core.crm.ContactService;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.interaction.InteractionHistory;
import io.callisto.core.interaction.InteractionService;
import io.callisto.core.interaction.InteractionView;
import io.callisto.core.page.PageRequest;
import io.callisto.core.queue.QueueService;
import io.callisto.core.user.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingServicesTest {
    private final RoutingWorld w = new RoutingWorld();

    @Test
    void theAcdLoadsTheStoredConfigurationWhenItHasNone() {
        String sales = w.queue("Sales", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", sales);
        // A grid restarted from nothing: a new, empty ACD over the same database.
        io.callisto.core.acd.InMemoryAcd fresh = new io.callisto.core.acd.InMemoryAcd(w.clock);
        LiveAcd restarted = new LiveAcd(fresh, w.store, w.store.tenants(), w.store.queues(), w.store.agents());
        assertThat(fresh.snapshot(w.id())).isEmpty();

        restarted.execute(w.id(), new AcdCommand.SetPresence(ann.principalId(), AgentState.AVAILABLE, null));

        var state = fresh.snapshot(w.id()).orElseThrow();
        assertThat(state.configurationLoaded()).isTrue();
        assertThat(state.queue(sales)).isPresent();
        assertThat(state.agent(ann.principalId()).orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(state.seatsLeased()).isEqualTo(w.tenant.seatsLeased());
    }

    @Test
    void seatsAreLeasedAndLoginsBeyondThemRefused() {
        String q = w.queue("Q", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", q);
        Caller bob = w.agent("bob@example.test", q);
        w.seats.lease(w.admin, 1);
        w.states.set(ann, ann.principalId(), "AVAILABLE", null);
        assertFails(() -> w.states.set(bob, bob.principalId(), "AVAILABLE", null), ErrorKind.CONFLICT, "seat-limit-reached");
        assertFails(() -> w.seats.lease(w.admin, 0), ErrorKind.CONFLICT, "seats-in-use");
        assertThat(w.store.tenants().find(w.id()).orElseThrow().seatsLeased()).as("the refused lease is not stored").isEqualTo(1);
        assertThat(w.seats.get(w.supervisor)).isEqualTo(new SeatService.Seats(1, 1));
        assertFails(() -> w.seats.get(ann), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> w.seats.lease(w.admin, null), ErrorKind.INVALID_INPUT, "invalid-seats");
    }

    @Test
    void aLeaseBillingRefusesIsNotStoredAndTheAcdKeepsTheOldOne() {
        SeatService billed = new SeatService(w.store, w.store.tenants(), w.live, w.clock, (tenant, seats) -> {
            throw io.callisto.core.error.Errors.conflict("no-subscription", "pay first");
        });
        w.seats.lease(w.admin, 2);
        assertFails(() -> billed.lease(w.admin, 5), ErrorKind.CONFLICT, "no-subscription");
        assertThat(w.store.tenants().find(w.id()).orElseThrow().seatsLeased()).isEqualTo(2);
        assertThat(w.live.snapshot(w.id()).seatsLeased()).isEqualTo(2);
    }

    @Test
    void aGrantedLeaseAppliesBelowTheSeatsInUseAndBlocksNewLogins() {
        String q = w.queue("Q", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", q);
        Caller bob = w.agent("bob@example.test", q);
        w.seats.lease(w.admin, 2);
        w.states.set(ann, ann.principalId(), "AVAILABLE", null);
        w.states.set(bob, bob.principalId(), "AVAILABLE", null);
        w.live.execute(w.id(), new AcdCommand.SetSeats(1, true));
        assertThat(w.live.snapshot(w.id()).seatsLeased()).isEqualTo(1);
        w.states.set(bob, bob.principalId(), "OFFLINE", null);
        assertFails(() -> w.states.set(bob, bob.principalId(), "AVAILABLE", null), ErrorKind.CONFLICT,
                "seat-limit-reached");
        assertThat(w.states.get(ann, ann.principalId()).state()).as("a logged-in agent keeps working")
                .isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void aTenantWhoseAgentsMayNotWorkQueuesNothing() {
        String q = w.queue("Q", "LONGEST_IDLE");
        w.store.runInTenant(w.id(), () -> w.store.tenants().update(w.store.tenants().find(w.id()).orElseThrow()
                .withStatus(io.callisto.core.tenant.TenantStatus.SUSPENDED, w.clock.instant())));
        assertFails(() -> w.interactions.create(w.admin, new InteractionService.NewTask("CHAT", q, null, null, null,
                null, null)), ErrorKind.CONFLICT, "tenant-not-working");
        assertThat(w.live.snapshot(w.id()).interactions()).isEmpty();
    }

    @Test
    void queuesAreValidatedStoredAndAppliedTogether() {
        String first = w.queue("First", "SKILLS");
        assertThat(invalidFields(() -> w.queues.create(w.admin, new QueueService.QueueInput("", "NOPE", null, -1, -1,
                "missing", false, null, null, 0, null, null, null))))
                .contains("name", "strategy", "priority", "maxWaitSeconds", "overflowQueueId", "offerTimeoutSeconds");
        String second = w.queues.create(w.admin, new QueueService.QueueInput("Second", "RING_ALL", Map.of("french", 3), 2,
                60, first, false, 10, 20, 15, 30, 1, null)).id();
        // first -> second -> first would overflow in a circle: refused by the ACD, and so not stored either
        assertFails(() -> w.queues.update(w.admin, first, new QueueService.QueueInput(null, null, null, null, 30, second,
                false, null, null, null, null, null, null)), ErrorKind.INVALID_INPUT, "overflow-cycle");
        assertThat(w.queues.get(w.admin, first).overflowQueueId()).isNull();
        QueueConfig cleared = w.queues.update(w.admin, second, new QueueService.QueueInput(null, null, null, null, null, null,
                true, null, null, null, null, null, null));
        assertThat(cleared.overflowQueueId()).isNull();
        assertThat(w.live.snapshot(w.id()).queue(second).orElseThrow().overflowQueueId()).isNull();
        assertFails(() -> w.queues.create(w.supervisor, new QueueService.QueueInput("X", "SKILLS", null, null, null, null,
                false, null, null, null, null, null, null)), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> w.queues.create(w.admin, new QueueService.QueueInput("First", "SKILLS", null, null, null, null,
                false, null, null, null, null, null, null)), ErrorKind.CONFLICT, "duplicate-queue-name");
    }

    @Test
    void recordingIsOffUnlessAskedForAndAnUpdateWithoutItKeepsIt() {
        String plain = w.queue("Plain", "LONGEST_IDLE");
        assertThat(w.queues.get(w.admin, plain).recordCalls()).isFalse();
        assertThat(w.live.snapshot(w.id()).queue(plain).orElseThrow().recordCalls()).isFalse();
        String recorded = w.queues.create(w.admin, recording("Recorded", "SKILLS", true)).id();
        assertThat(w.queues.get(w.admin, recorded).recordCalls()).isTrue();
        assertThat(w.live.snapshot(w.id()).queue(recorded).orElseThrow().recordCalls()).isTrue();

        QueueConfig renamed = w.queues.update(w.admin, recorded, new QueueService.QueueInput("Still recorded", null, null,
                null, null, null, false, 5, null, null, null, null, null));
        assertThat(renamed.recordCalls()).as("null leaves the setting as it was").isTrue();
        assertThat(renamed.wrapUpSeconds()).isEqualTo(5);
        QueueConfig stopped = w.queues.update(w.admin, recorded, recording(null, null, false));
        assertThat(stopped.recordCalls()).isFalse();
        assertThat(stopped.name()).isEqualTo("Still recorded");
        assertThat(stopped.wrapUpSeconds()).isEqualTo(5);
        assertThat(w.queues.get(w.admin, recorded)).isEqualTo(stopped);
        assertThat(w.live.snapshot(w.id()).queue(recorded)).contains(stopped);
        assertThat(w.queues.update(w.admin, plain, recording(null, null, true)).recordCalls()).isTrue();
        assertThat(w.live.snapshot(w.id()).queue(plain).orElseThrow().recordCalls()).isTrue();

        assertFails(() -> w.queues.update(w.supervisor, plain, recording(null, null, false)), ErrorKind.FORBIDDEN,
                "role-required");
        assertThat(w.queues.get(w.admin, plain).recordCalls()).isTrue();
    }

    private static QueueService.QueueInput recording(String name, String strategy, Boolean recordCalls) {
        return new QueueService.QueueInput(name, strategy, null, null, null, null, false, null, null, null, null, null,
                recordCalls);
    }

    @Test
    void aQueueWithInteractionsStaysAndAnEmptyOneLeavesItsAgents() {
        String q = w.queue("Q", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", q);
        InteractionView task = w.interactions.create(w.admin, task(q, null));
        assertFails(() -> w.queues.delete(w.admin, q), ErrorKind.CONFLICT, "queue-not-empty");
        assertThat(w.store.queues().find(w.id(), q)).as("still stored").isPresent();
        assertThat(w.agents.get(w.admin, ann.principalId()).queueIds()).containsExactly(q);

        w.acd.execute(w.id(), new AcdCommand.Abandon(task.id()));
        w.queues.delete(w.admin, q);
        assertThat(w.store.queues().find(w.id(), q)).isEmpty();
        assertThat(w.agents.get(w.admin, ann.principalId()).queueIds()).isEmpty();
        assertThat(w.live.snapshot(w.id()).agent(ann.principalId()).orElseThrow().profile().queueIds()).isEmpty();
    }

    @Test
    void agentsAreUsersWithTheAgentRoleAndKeepOnlyDigestsOfTheirSipPassword() {
        String q = w.queue("Q", "SKILLS");
        io.callisto.core.user.User sup = io.callisto.core.contract.Fixtures.user(w.id(), "s@example.test", Role.SUPERVISOR);
        w.store.runInTenant(w.id(), () -> w.store.users().insert(w.id(), sup));
        assertFails(() -> w.agents.create(w.admin, new AgentService.AgentInput(sup.id().value(), null, null, null, null,
                null, false)), ErrorKind.CONFLICT, "not-an-agent");
        Caller ann = w.agent("ann@example.test", q);
        AgentSettings updated = w.agents.update(w.admin, ann.principalId(), new AgentService.AgentInput(null,
                Map.of("spanish", 8), null, Map.of(io.callisto.core.acd.Channel.CHAT, 4), "ann.desk", "desk-phone-pw", false));
        assertThat(updated.sipDigest()).isEqualTo(SipDigests.of("ann.desk", w.id().value(), "desk-phone-pw"));
        assertThat(updated.toString()).doesNotContain("desk-phone-pw");
        assertThat(w.live.snapshot(w.id()).agent(ann.principalId()).orElseThrow().profile().capacity(
                io.callisto.core.acd.Channel.CHAT)).isEqualTo(4);
        assertThat(invalidFields(() -> w.agents.update(w.admin, ann.principalId(), new AgentService.AgentInput(null, null,
                Set.of("nope"), Map.of(io.callisto.core.acd.Channel.VOICE, 2), "new.name", null, false))))
                .contains("queueIds", "maxConcurrent.VOICE", "sipPassword");
        Caller bob = w.agent("bob@example.test", q);
        assertFails(() -> w.agents.update(w.admin, bob.principalId(), new AgentService.AgentInput(null, null, null, null,
                "ann.desk", "another-password", false)), ErrorKind.CONFLICT, "duplicate-sip-username");
        AgentSettings noSip = w.agents.update(w.admin, ann.principalId(), new AgentService.AgentInput(null, null, null, null,
                null, null, true));
        assertThat(noSip.sipUsername()).isNull();
        assertThat(noSip.sipDigest()).isNull();
        assertThat(w.agents.get(ann, ann.principalId()).agentId()).as("an agent reads themselves").isEqualTo(ann.principalId());
        assertFails(() -> w.agents.get(bob, ann.principalId()), ErrorKind.FORBIDDEN, "role-required");
        assertThat(w.agents.directory(bob, new io.callisto.core.page.PageRequest(200, null)).items())
                .as("an agent sees colleagues' names, nothing else")
                .contains(new AgentService.Colleague(ann.principalId(), "Ann Agent"),
                        new AgentService.Colleague(bob.principalId(), "Ann Agent"));
    }

    @Test
    void aLoggedInAgentCannotBeDeletedAndNothingIsLost() {
        String q = w.queue("Q", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", q);
        w.states.set(ann, ann.principalId(), "AVAILABLE", null);
        assertFails(() -> w.agents.delete(w.admin, ann.principalId()), ErrorKind.CONFLICT, "agent-logged-in");
        assertThat(w.store.agents().find(w.id(), ann.principalId())).isPresent();
        w.states.set(w.supervisor, ann.principalId(), "OFFLINE", null);
        w.agents.delete(w.admin, ann.principalId());
        assertThat(w.store.agents().find(w.id(), ann.principalId())).isEmpty();
        assertThat(w.live.snapshot(w.id()).agent(ann.principalId())).isEmpty();
    }

    @Test
    void presenceTakesTheTenantsReasonsAndIsAudited() {
        String q = w.queue("Q", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", q);
        Caller bob = w.agent("bob@example.test", q);
        w.reasons.replace(w.admin, List.of(new AwayReason("coaching", "Coaching")));
        assertThat(invalidFields(() -> w.states.set(ann, ann.principalId(), "AWAY", "lunch"))).containsExactly("reason");
        assertThat(invalidFields(() -> w.states.set(ann, ann.principalId(), "BUSY", null))).containsExactly("state");
        assertThat(invalidFields(() -> w.reasons.replace(w.admin, List.of(new AwayReason("missed", "Missed"))))).isNotEmpty();
        w.states.set(ann, ann.principalId(), "AVAILABLE", null);
        var away = w.states.set(ann, ann.principalId(), "AWAY", "coaching");
        assertThat(away.state()).isEqualTo(AgentState.AWAY);
        assertThat(away.reason()).isEqualTo("coaching");
        assertFails(() -> w.states.set(bob, ann.principalId(), "AVAILABLE", null), ErrorKind.FORBIDDEN, "role-required");
        assertFails(() -> w.states.get(w.caller("ghost", Role.SUPERVISOR), "ghost"), ErrorKind.NOT_FOUND, "not-found");
        List<AgentStateChange> audit = w.states.history(w.supervisor, ann.principalId(), PageRequest.first(10)).items();
        assertThat(audit).extracting(AgentStateChange::to).containsExactly(AgentState.AWAY, AgentState.AVAILABLE);
        assertThat(audit.getFirst().reason()).isEqualTo("coaching");
    }

    @Test
    void aTaskIsMatchedToItsContactOfferedAcceptedCompletedAndStored() {
        String q = w.queue("Q", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", q);
        Caller bob = w.agent("bob@example.test", q);
        var contact = w.contacts.create(w.admin, new ContactService.ContactInput("Maria", List.of("+34 600-123-456"),
                List.of("Maria@Example.test"), "Lopez SL", Map.of("tier", "gold")));
        assertThat(contact.phones()).containsExactly("+34600123456");
        assertThat(contact.emails()).containsExactly("maria@example.test");

        InteractionView waiting = w.interactions.create(w.admin, task(q, "maria@example.test"));
        assertThat(waiting.state()).isEqualTo(InteractionState.WAITING);
        assertThat(waiting.contact().name()).isEqualTo("Maria");
        assertThat(waiting.position()).isEqualTo(1);
        w.states.set(ann, ann.principalId(), "AVAILABLE", null);
        InteractionView offered = w.interactions.get(ann, waiting.id());
        assertThat(offered.offeredTo()).containsExactly(ann.principalId());
        assertFails(() -> w.interactions.get(bob, waiting.id()), ErrorKind.NOT_FOUND, "not-found");
        assertFails(() -> w.interactions.accept(bob, waiting.id()), ErrorKind.NOT_FOUND, "not-found");

        assertThat(w.interactions.accept(ann, waiting.id()).state()).isEqualTo(InteractionState.CONNECTED);
        InteractionView done = w.interactions.complete(ann, waiting.id(), "resolved", "sent the invoice");
        assertThat(done.state()).isEqualTo(InteractionState.COMPLETED);
        assertThat(done.disposition()).isEqualTo("resolved");
        var stored = w.store.interactionHistory().find(w.id(), waiting.id()).orElseThrow();
        assertThat(stored.contactId()).isEqualTo(contact.id());
        assertThat(w.interactions.ofContact(w.admin, contact.id(), PageRequest.first(10)).items())
                .extracting(InteractionView::id).containsExactly(waiting.id());
        assertThat(w.interactions.list(ann, PageRequest.first(10)).items()).extracting(InteractionView::id)
                .containsExactly(waiting.id());
        assertThat(w.interactions.list(bob, PageRequest.first(10)).items()).isEmpty();
        assertThat(w.store.interactionHistory().list(w.id(), new InteractionHistory.HistoryFilter(ann.principalId(), null,
                null), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void aCallTheCallerHungUpIsCompletedByItsAgentDuringWrapUpWithADispositionThatIsStored() {
        String q = w.queues.create(w.admin, new QueueService.QueueInput("Wrap", "LONGEST_IDLE", null, null, null, null,
                false, 120, null, null, null, null, null)).id();
        Caller ann = w.agent("ann@example.test", q);
        Caller bob = w.agent("bob@example.test", q);
        w.states.set(ann, ann.principalId(), "AVAILABLE", null);
        InteractionView task = w.interactions.create(w.admin, task(q, "+15550001"));
        w.interactions.accept(ann, task.id());
        // what the gateway does when the caller hangs up: it completes the call with nothing to say about it
        w.live.execute(w.id(), new AcdCommand.Complete(task.id(), ann.principalId(), null, null));
        assertThat(w.live.snapshot(w.id()).agent(ann.principalId()).orElseThrow().state())
                .isEqualTo(AgentState.WRAP_UP);

        assertFails(() -> w.interactions.complete(bob, task.id(), "sale", null), ErrorKind.NOT_FOUND, "not-found");
        InteractionView done = w.interactions.complete(ann, task.id(), "sale", "wants the yearly plan");

        assertThat(done.state()).isEqualTo(InteractionState.COMPLETED);
        assertThat(done.disposition()).isEqualTo("sale");
        assertThat(done.notes()).isEqualTo("wants the yearly plan");
        var stored = w.store.interactionHistory().find(w.id(), task.id()).orElseThrow();
        assertThat(stored.disposition()).isEqualTo("sale");
        assertThat(stored.notes()).isEqualTo("wants the yearly plan");
        assertThat(w.live.snapshot(w.id()).agent(ann.principalId()).orElseThrow().state())
                .isEqualTo(AgentState.AVAILABLE);
        assertFails(() -> w.interactions.complete(ann, task.id(), "again", null), ErrorKind.CONFLICT, "not-connected");
        assertThat(w.interactions.get(ann, task.id()).disposition()).isEqualTo("sale");
    }

    @Test
    void theAgentCompletesTheEndedCallEvenBeforeTheHistoryHasIt() {
        String q = w.queues.create(w.admin, new QueueService.QueueInput("Wrap", "LONGEST_IDLE", null, null, null, null,
                false, 120, null, null, null, null, null)).id();
        Caller ann = w.agent("ann@example.test", q);
        w.states.set(ann, ann.principalId(), "AVAILABLE", null);
        InteractionView task = w.interactions.create(w.admin, task(q, null));
        w.interactions.accept(ann, task.id());
        w.live.execute(w.id(), new AcdCommand.Complete(task.id(), ann.principalId(), null, null));
        InteractionService behind = new InteractionService(w.store, w.live, nothingStored(), w.contacts);

        assertThat(behind.get(ann, task.id()).state()).isEqualTo(InteractionState.COMPLETED);
        InteractionView skipped = behind.complete(ann, task.id(), null, null);

        assertThat(skipped.id()).isEqualTo(task.id());
        assertThat(skipped.disposition()).isNull();
        assertThat(w.live.snapshot(w.id()).agent(ann.principalId()).orElseThrow().state())
                .isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void tasksAreValidatedAndVoiceComesOnlyFromTheGateway() {
        String q = w.queue("Q", "LONGEST_IDLE");
        assertThat(invalidFields(() -> w.interactions.create(w.admin, new InteractionService.NewTask("VOICE", q, 200, null,
                "x".repeat(300), null, Map.of("", "v"))))).contains("channel", "priority", "from", "data.");
        assertThat(invalidFields(() -> w.interactions.create(w.admin, task("missing", null)))).containsExactly("queueId");
        Caller agent = w.agent("a@example.test", q);
        assertFails(() -> w.interactions.create(agent, task(q, null)), ErrorKind.FORBIDDEN, "role-required");
        Caller integration = new Caller(w.id(), "key-1", Caller.Kind.API_KEY, Set.of(Role.ADMIN));
        assertThat(w.interactions.create(integration, task(q, null)).state()).isEqualTo(InteractionState.WAITING);
    }

    @Test
    void aTransferHandsTheInteractionToAnotherQueueOrAgent() {
        String sales = w.queue("Sales", "LONGEST_IDLE");
        String billing = w.queue("Billing", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", sales);
        Caller bob = w.agent("bob@example.test", billing);
        w.states.set(ann, ann.principalId(), "AVAILABLE", null);
        InteractionView task = w.interactions.create(w.admin, task(sales, null));
        w.interactions.accept(ann, task.id());
        assertFails(() -> w.interactions.transfer(ann, task.id(), billing, bob.principalId(), null), ErrorKind.INVALID_INPUT,
                "invalid-transfer");
        assertFails(() -> w.interactions.transfer(ann, task.id(), null, null, "+15550000"), ErrorKind.CONFLICT,
                "transfer-to-number-unavailable");
        w.states.set(bob, bob.principalId(), "AVAILABLE", null);
        InteractionView moved = w.interactions.transfer(ann, task.id(), billing, null, null);
        assertThat(moved.queueId()).isEqualTo(billing);
        assertThat(moved.offeredTo()).containsExactly(bob.principalId());
        assertThat(moved.transfers()).isEqualTo(1);
        w.interactions.accept(bob, task.id());
        InteractionView back = w.interactions.transfer(bob, task.id(), null, ann.principalId(), null);
        assertThat(back.offeredTo()).as("to the named agent, whatever their queues").containsExactly(ann.principalId());
    }

    @Test
    void realtimeStatisticsShowQueuesAndAgentsNow() {
        String q = w.queue("Q", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", q);
        w.interactions.create(w.admin, task(q, null));
        w.clock.advance(java.time.Duration.ofSeconds(42));
        RealtimeStats.Snapshot now = w.stats.get(w.supervisor);
        assertThat(now.queues()).singleElement().satisfies(s -> {
            assertThat(s.waiting()).isEqualTo(1);
            assertThat(s.longestWaitSeconds()).isEqualTo(42);
            assertThat(s.agents()).containsEntry(AgentState.OFFLINE, 1);
        });
        assertThat(now.agents()).extracting(RealtimeStats.AgentNow::agentId).containsExactly(ann.principalId());
        assertFails(() -> w.stats.get(ann), ErrorKind.FORBIDDEN, "role-required");
    }

    @Test
    void theRecorderStoresEachBatchOnce() {
        String q = w.queue("Q", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", q);
        List<io.callisto.core.acd.EventBatch> batches = new java.util.ArrayList<>();
        w.acd.subscribe(batches::add);
        w.states.set(ann, ann.principalId(), "AVAILABLE", null);
        EventRecorder again = new EventRecorder(w.store, w.store.interactionHistory(), w.store.agentStateLog());
        again.record(batches);
        again.record(batches);
        assertThat(w.states.history(ann, ann.principalId(), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void whenTheDatabaseFailsAtCommitTheAcdIsPutBackToWhatIsStored() {
        String kept = w.queue("Kept", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", kept);

        w.store.failNextCommit();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.queue("Lost", "SKILLS"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(w.live.snapshot(w.id()).queues()).extracting(QueueConfig::name).containsExactly("Kept");

        w.store.failNextCommit();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.queues.update(w.admin, kept, new QueueService.QueueInput(
                null, "RING_ALL", null, null, null, null, false, null, null, null, null, null, null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(w.live.snapshot(w.id()).queue(kept).orElseThrow().strategy().name()).isEqualTo("LONGEST_IDLE");

        w.store.failNextCommit();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.queues.delete(w.admin, kept))
                .isInstanceOf(IllegalStateException.class);
        assertThat(w.live.snapshot(w.id()).queue(kept)).isPresent();
        assertThat(w.live.snapshot(w.id()).agent(ann.principalId()).orElseThrow().profile().queueIds()).containsExactly(kept);

        w.store.failNextCommit();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.agents.update(w.admin, ann.principalId(),
                new AgentService.AgentInput(null, Map.of("german", 4), Set.of(), null, null, null, false)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(w.live.snapshot(w.id()).agent(ann.principalId()).orElseThrow().profile().queueIds()).containsExactly(kept);

        w.store.failNextCommit();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.agents.delete(w.admin, ann.principalId()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(w.live.snapshot(w.id()).agent(ann.principalId())).isPresent();

        int stored = w.store.tenants().find(w.id()).orElseThrow().seatsLeased();
        w.store.failNextCommit();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.seats.lease(w.admin, stored + 5))
                .isInstanceOf(IllegalStateException.class);
        assertThat(w.live.snapshot(w.id()).seatsLeased()).isEqualTo(stored);
    }

    @Test
    void anInteractionFinishedBeforeItsCreationIsAnsweredIsStillAnsweredAsCreated() {
        String q = w.queue("Q", "LONGEST_IDLE");
        Caller ann = w.agent("ann@example.test", q);
        w.states.set(ann, ann.principalId(), "AVAILABLE", null);
        // An agent faster than the history: accepts and completes as the offer goes out (the in-memory ACD
        // publishes under the tenant's reentrant lock), so the enqueue returns with the interaction gone.
        io.callisto.core.acd.InMemoryAcd fast = new io.callisto.core.acd.InMemoryAcd(w.clock);
        LiveAcd live = new LiveAcd(fast, w.store, w.store.tenants(), w.store.queues(), w.store.agents());
        fast.subscribe(batch -> batch.events().stream().filter(io.callisto.core.acd.AcdEvent.Offered.class::isInstance)
                .map(io.callisto.core.acd.AcdEvent.Offered.class::cast).forEach(o -> {
                    live.execute(w.id(), new AcdCommand.Accept(o.interactionId(), o.agentId()));
                    live.execute(w.id(), new AcdCommand.Complete(o.interactionId(), o.agentId(), null, null));
                }));
        live.execute(w.id(), new AcdCommand.SetPresence(ann.principalId(), AgentState.AVAILABLE, null));
        InteractionService service = new InteractionService(w.store, live, nothingStored(), w.contacts);
        InteractionView created = service.create(w.admin, task(q, null));
        assertThat(live.snapshot(w.id()).interaction(created.id())).as("already finished").isEmpty();
        assertThat(created.state()).isEqualTo(InteractionState.ROUTED);
        assertThat(created.offeredTo()).containsExactly(ann.principalId());
        assertThat(created.createdAt()).isNotNull();
    }

    /** A history that stores nothing: one that has not caught up with the ACD yet. */
    private static InteractionHistory nothingStored() {
        return new InteractionHistory() {
            @Override
            public void recordAll(io.callisto.core.ids.TenantId tenant, List<io.callisto.core.acd.InteractionRecord> r) {
            }

            @Override
            public void recordDispositions(io.callisto.core.ids.TenantId t, List<io.callisto.core.acd.InteractionRecord> r) {
            }

            @Override
            public java.util.Optional<io.callisto.core.acd.InteractionRecord> find(io.callisto.core.ids.TenantId t, String id) {
                return java.util.Optional.empty();
            }

            @Override
            public io.callisto.core.page.Page<io.callisto.core.acd.InteractionRecord> list(io.callisto.core.ids.TenantId t,
                    HistoryFilter f, PageRequest p) {
                return new io.callisto.core.page.Page<>(List.of(), null);
            }
        };
    }

    private static InteractionService.NewTask task(String queueId, String from) {
        return new InteractionService.NewTask("CHAT", queueId, null, null, from, "help", Map.of());
    }
}
