package io.callisto.core.contract;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.acd.AgentState;
import io.callisto.core.agent.AgentStateChange;
import io.callisto.core.agent.AgentStateLog;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AgentStateLog contract: idempotent appends, newest-first pages, tenant isolation. */
public abstract class AgentStateLogContract {
    private static final Instant T0 = Fixtures.NOW;
    protected RepositoryFixture fx;
    private TenantId a;
    private TenantId b;

    protected abstract RepositoryFixture createFixture();

    @BeforeEach
    void open() {
        fx = createFixture();
        a = AcdFixtures.newTenant(fx);
        b = AcdFixtures.newTenant(fx);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private AgentStateLog log() {
        return fx.agentStateLog();
    }

    private void append(TenantId tenant, List<AgentStateChange> changes) {
        fx.transactions().runInTenant(tenant, () -> log().appendAll(tenant, changes));
    }

    private List<AgentStateChange> all(TenantId tenant, String agentId) {
        return log().list(tenant, agentId, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    /** Every page of an agent's log, following the cursors. */
    private List<List<AgentStateChange>> pages(TenantId tenant, String agentId, int limit) {
        List<List<AgentStateChange>> pages = new ArrayList<>();
        String after = null;
        do {
            Page<AgentStateChange> page = log().list(tenant, agentId, new PageRequest(limit, after));
            pages.add(page.items());
            after = page.next();
        } while (after != null && pages.size() < 100);
        return pages;
    }

    @Test
    void roundTripsEveryField() {
        AgentStateChange withReason = new AgentStateChange(7, 0, "u-ann", AgentState.AVAILABLE, AgentState.AWAY,
                AcdFixtures.UNICODE, T0);
        AgentStateChange withoutReason = new AgentStateChange(Long.MAX_VALUE, Integer.MAX_VALUE, "u-ann",
                AgentState.WRAP_UP, AgentState.OFFLINE, null, T0.plusMillis(1));

        append(a, List.of(withReason, withoutReason));

        assertThat(all(a, "u-ann")).containsExactly(withoutReason, withReason);
    }

    @Test
    void roundTripsEveryState() {
        List<AgentStateChange> changes = new ArrayList<>();
        AgentState[] states = AgentState.values();
        for (int i = 0; i < states.length; i++) {
            changes.add(new AgentStateChange(1, i, "u-ann", states[i], states[(i + 1) % states.length], "r" + i,
                    T0.plusSeconds(i)));
        }

        append(a, changes);

        assertThat(all(a, "u-ann")).containsExactlyElementsOf(changes.reversed());
    }

    @Test
    void listsNewestFirstWithTiesBrokenByBatchThenIndex() {
        AgentStateChange oldest = AcdFixtures.change(9, 0, "u-ann", T0);
        AgentStateChange tieEarlyBatch = AcdFixtures.change(1, 5, "u-ann", T0.plusSeconds(10));
        AgentStateChange tieLateBatchLow = AcdFixtures.change(2, 0, "u-ann", T0.plusSeconds(10));
        AgentStateChange tieLateBatchHigh = AcdFixtures.change(2, 1, "u-ann", T0.plusSeconds(10));
        AgentStateChange newest = AcdFixtures.change(0, 0, "u-ann", T0.plusSeconds(20));

        append(a, List.of(tieLateBatchLow, oldest, newest, tieEarlyBatch, tieLateBatchHigh));

        assertThat(all(a, "u-ann")).containsExactly(newest, tieLateBatchHigh, tieLateBatchLow, tieEarlyBatch, oldest);
    }

    @Test
    void pagesThroughTiesWithCursors() {
        List<AgentStateChange> changes = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            changes.add(AcdFixtures.change(100 + i / 4, i % 4, "u-ann", T0.plusSeconds(i / 3)));
        }
        append(a, changes);
        List<AgentStateChange> expected = all(a, "u-ann");

        List<List<AgentStateChange>> byTwo = pages(a, "u-ann", 2);
        List<List<AgentStateChange>> byThree = pages(a, "u-ann", 3);
        List<List<AgentStateChange>> byEleven = pages(a, "u-ann", 11);

        assertThat(expected).hasSize(11).containsExactlyInAnyOrderElementsOf(changes);
        assertThat(byTwo).hasSize(6);
        assertThat(byTwo.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
        assertThat(byTwo.getLast()).hasSize(1);
        assertThat(byThree).hasSize(4);
        assertThat(byThree.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
        assertThat(byEleven).hasSize(1);
        assertThat(log().list(a, "u-ann", PageRequest.first(10)).next()).isNotNull();
    }

    @Test
    void appendingTheSameBatchTwiceStoresItOnce() {
        List<AgentStateChange> batch = List.of(AcdFixtures.change(5, 0, "u-ann", T0), AcdFixtures.change(5, 1, "u-ann", T0),
                AcdFixtures.change(5, 2, "u-bob", T0.plusSeconds(1)));

        append(a, batch);
        append(a, batch);
        log().appendAll(a, batch);

        assertThat(all(a, "u-ann")).hasSize(2);
        assertThat(all(a, "u-bob")).hasSize(1);
    }

    @Test
    void aRetryKeepsTheFirstVersionAndAddsOnlyWhatIsNew() {
        AgentStateChange first = AcdFixtures.change(5, 0, "u-ann", T0);
        append(a, List.of(first));
        AgentStateChange rewritten = new AgentStateChange(5, 0, "u-ann", AgentState.BUSY, AgentState.WRAP_UP, null, T0);
        AgentStateChange added = AcdFixtures.change(5, 1, "u-ann", T0.plusSeconds(1));

        append(a, List.of(rewritten, added));

        assertThat(all(a, "u-ann")).containsExactly(added, first);
    }

    @Test
    void aBatchRepeatingAChangeStoresItOnce() {
        AgentStateChange change = AcdFixtures.change(3, 0, "u-ann", T0);

        append(a, List.of(change, change, AcdFixtures.change(3, 1, "u-ann", T0)));
        append(a, List.of());

        assertThat(all(a, "u-ann")).hasSize(2);
    }

    @Test
    void aLargeBatchIsStoredOnceWhenWrittenTwice() {
        List<AgentStateChange> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(AcdFixtures.change(1000 + i / 100, i % 100, "u-" + (i % 3), T0.plusMillis(i)));
        }

        append(a, batch);
        append(a, batch.subList(150, 300));
        append(a, batch);

        assertThat(pages(a, "u-0", 50).stream().mapToInt(List::size).sum()).isEqualTo(100);
        assertThat(pages(a, "u-1", 200).stream().mapToInt(List::size).sum()).isEqualTo(100);
    }

    @Test
    void listsOnlyTheAgentAsked() {
        append(a, List.of(AcdFixtures.change(1, 0, "u-ann", T0), AcdFixtures.change(1, 1, "u-bob", T0),
                AcdFixtures.change(1, 2, "u-ann2", T0)));

        assertThat(all(a, "u-ann")).extracting(AgentStateChange::agentId).containsExactly("u-ann");
        assertThat(all(a, "u-nobody")).isEmpty();
        assertThat(log().list(a, "u-nobody", PageRequest.first(5)).next()).isNull();
    }

    @Test
    void eachTenantHasItsOwnLogAndKeys() {
        AgentStateChange inA = AcdFixtures.change(1, 0, "u-ann", T0);
        AgentStateChange inB = new AgentStateChange(1, 0, "u-ann", AgentState.OFFLINE, AgentState.AVAILABLE, null,
                T0.plusSeconds(1));

        append(a, List.of(inA));
        assertThat(all(b, "u-ann")).isEmpty();
        append(b, List.of(inB));

        assertThat(all(a, "u-ann")).containsExactly(inA);
        assertThat(all(b, "u-ann")).containsExactly(inB);
        String cursorOfA = log().list(a, "u-ann", PageRequest.first(1)).next();
        assertThat(cursorOfA).isNull();
    }

    @Test
    void aCursorOfOneTenantShowsNothingOfItInAnother() {
        append(a, List.of(AcdFixtures.change(1, 0, "u-ann", T0), AcdFixtures.change(1, 1, "u-ann", T0.plusSeconds(1))));
        append(b, List.of(AcdFixtures.change(1, 0, "u-ann", T0.minusSeconds(5))));
        String cursor = log().list(a, "u-ann", PageRequest.first(1)).next();

        assertThat(log().list(b, "u-ann", new PageRequest(10, cursor)).items())
                .extracting(AgentStateChange::at).containsExactly(T0.minusSeconds(5));
    }

    @Test
    void rejectsACursorItDidNotIssue() {
        assertFails(() -> log().list(a, "u-ann", new PageRequest(5, "not a cursor!")), ErrorKind.INVALID_INPUT,
                "invalid-cursor");
        assertFails(() -> log().list(a, "u-ann", new PageRequest(5, "u-ann")), ErrorKind.INVALID_INPUT, "invalid-cursor");
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> {
            log().appendAll(a, List.of(AcdFixtures.change(1, 0, "u-ann", T0)));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(all(a, "u-ann")).isEmpty();
        append(a, List.of(AcdFixtures.change(1, 0, "u-ann", T0)));
        assertThat(all(a, "u-ann")).hasSize(1);
    }
}
