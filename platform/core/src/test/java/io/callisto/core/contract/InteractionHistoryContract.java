package io.callisto.core.contract;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.acd.Channel;
import io.callisto.core.acd.InteractionRecord;
import io.callisto.core.acd.InteractionState;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.interaction.InteractionHistory;
import io.callisto.core.interaction.InteractionHistory.HistoryFilter;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The InteractionHistory contract: idempotent recording, newest-first filtered pages, tenant isolation. */
public abstract class InteractionHistoryContract {
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

    private InteractionHistory history() {
        return fx.interactionHistory();
    }

    private void record(TenantId tenant, InteractionRecord... records) {
        fx.transactions().runInTenant(tenant, () -> history().recordAll(tenant, List.of(records)));
    }

    private List<InteractionRecord> list(TenantId tenant, HistoryFilter filter) {
        return history().list(tenant, filter, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    /** Every page, following the cursors. */
    private List<List<InteractionRecord>> pages(TenantId tenant, HistoryFilter filter, int limit) {
        List<List<InteractionRecord>> pages = new ArrayList<>();
        String after = null;
        do {
            Page<InteractionRecord> page = history().list(tenant, filter, new PageRequest(limit, after));
            pages.add(page.items());
            after = page.next();
        } while (after != null && pages.size() < 100);
        return pages;
    }

    @Test
    void roundTripsEveryField() {
        InteractionRecord done = AcdFixtures.completed("i-1", "u-ann", "q-sales", "c-7", T0);

        record(a, done);

        InteractionRecord found = history().find(a, "i-1").orElseThrow();
        assertThat(found).isEqualTo(done);
        assertThat(found.handleMillis()).isEqualTo(100_000);
        assertThat(list(a, HistoryFilter.ALL)).containsExactly(done);
    }

    @Test
    void roundTripsNullsUnicodeAndEveryChannelAndState() {
        InteractionRecord gone = AcdFixtures.abandoned("i-gone", "q-sales", T0);
        List<InteractionRecord> records = new ArrayList<>(List.of(gone));
        for (Channel channel : Channel.values()) {
            for (InteractionState state : InteractionState.values()) {
                records.add(new InteractionRecord("i-" + channel + "-" + state, channel, null, null, state,
                        AcdFixtures.UNICODE, AcdFixtures.UNICODE, -1, T0.minusSeconds(9), T0.minusSeconds(8),
                        T0.plusMillis(records.size()), AcdFixtures.UNICODE, AcdFixtures.UNICODE + "\nline 2", null,
                        Integer.MAX_VALUE));
            }
        }

        fx.transactions().runInTenant(a, () -> history().recordAll(a, records));

        for (InteractionRecord r : records) {
            assertThat(history().find(a, r.interactionId())).contains(r);
        }
        assertThat(history().find(a, "i-gone").orElseThrow().agentId()).isNull();
        assertThat(history().find(a, "i-gone").orElseThrow().connectedAt()).isNull();
        assertThat(list(a, HistoryFilter.ALL)).containsExactlyElementsOf(records.reversed());
    }

    @Test
    void findsNothingUnknown() {
        record(a, AcdFixtures.completed("i-1", "u-ann", "q-sales", "c-7", T0));

        assertThat(history().find(a, "i-2")).isEmpty();
        assertThat(history().find(b, "i-1")).isEmpty();
        assertThat(history().list(b, HistoryFilter.ALL, PageRequest.first(5))).isEqualTo(new Page<>(List.of(), null));
    }

    @Test
    void recordingTheSameBatchTwiceStoresItOnce() {
        InteractionRecord one = AcdFixtures.completed("i-1", "u-ann", "q-sales", null, T0);
        InteractionRecord two = AcdFixtures.abandoned("i-2", "q-sales", T0.plusSeconds(1));

        record(a, one, two);
        record(a, one, two);
        history().recordAll(a, List.of(two, one));

        assertThat(list(a, HistoryFilter.ALL)).containsExactly(two, one);
    }

    @Test
    void aRetryKeepsTheFirstVersionAndAddsOnlyWhatIsNew() {
        InteractionRecord first = AcdFixtures.completed("i-1", "u-ann", "q-sales", null, T0);
        record(a, first);
        InteractionRecord rewritten = AcdFixtures.abandoned("i-1", "q-other", T0.plusSeconds(60));
        InteractionRecord added = AcdFixtures.abandoned("i-2", "q-sales", T0.plusSeconds(1));

        record(a, rewritten, added, added);
        history().recordAll(a, List.of());

        assertThat(history().find(a, "i-1")).contains(first);
        assertThat(list(a, HistoryFilter.ALL)).containsExactly(added, first);
    }

    @Test
    void aLargeBatchIsStoredOnceWhenWrittenTwice() {
        List<InteractionRecord> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(AcdFixtures.completed("i-%03d".formatted(i), "u-" + (i % 2), "q-sales", null, T0.plusSeconds(i)));
        }

        fx.transactions().runInTenant(a, () -> history().recordAll(a, batch.subList(0, 120)));
        fx.transactions().runInTenant(a, () -> history().recordAll(a, batch));
        fx.transactions().runInTenant(a, () -> history().recordAll(a, batch));

        List<InteractionRecord> all = pages(a, HistoryFilter.ALL, 200).stream().flatMap(List::stream).toList();
        assertThat(all).containsExactlyElementsOf(batch.reversed());
        assertThat(list(a, new HistoryFilter("u-1", null, null))).hasSize(150);
    }

    @Test
    void anIncompleteRecordFailsTheWholeBatch() {
        InteractionRecord fine = AcdFixtures.completed("i-1", "u-ann", "q-sales", null, T0);
        InteractionRecord noEnd = new InteractionRecord("i-2", Channel.VOICE, "q-sales", null, InteractionState.ABANDONED,
                null, null, 0, T0, null, null, null, null, null, 0);

        assertThatThrownBy(() -> record(a, fine, noEnd)).isInstanceOf(NullPointerException.class);

        assertThat(list(a, HistoryFilter.ALL)).isEmpty();
    }

    @Test
    void listsNewestEndFirstWithTiesBrokenByIdDescending() {
        InteractionRecord oldest = AcdFixtures.completed("i-9", "u-ann", "q-sales", null, T0);
        InteractionRecord tieA = AcdFixtures.completed("i-a", "u-ann", "q-sales", null, T0.plusSeconds(5));
        InteractionRecord tieB = AcdFixtures.completed("i-b", "u-ann", "q-sales", null, T0.plusSeconds(5));
        InteractionRecord tieC = AcdFixtures.abandoned("i-c", "q-sales", T0.plusSeconds(5));
        InteractionRecord newest = AcdFixtures.completed("i-0", "u-ann", "q-sales", null, T0.plusSeconds(10));

        record(a, tieB, oldest, newest, tieC, tieA);

        assertThat(list(a, HistoryFilter.ALL)).containsExactly(newest, tieC, tieB, tieA, oldest);
    }

    @Test
    void pagesThroughTiesWithCursors() {
        List<InteractionRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(AcdFixtures.completed("i-" + i, "u-ann", "q-sales", null, T0.plusSeconds(i / 4)));
        }
        fx.transactions().runInTenant(a, () -> history().recordAll(a, records));
        List<InteractionRecord> expected = list(a, HistoryFilter.ALL);

        List<List<InteractionRecord>> byThree = pages(a, HistoryFilter.ALL, 3);
        List<List<InteractionRecord>> byFive = pages(a, HistoryFilter.ALL, 5);

        assertThat(expected).containsExactlyInAnyOrderElementsOf(records);
        assertThat(byThree).hasSize(4);
        assertThat(byThree.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
        assertThat(byFive).hasSize(2);
        assertThat(byFive.getLast()).hasSize(5);
        assertThat(byFive.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
        assertThat(history().list(a, HistoryFilter.ALL, PageRequest.first(10)).next()).isNull();
        assertThat(history().list(a, HistoryFilter.ALL, PageRequest.first(9)).next()).isNotNull();
    }

    @Test
    void filtersByAgentQueueAndContact() {
        InteractionRecord annSales = AcdFixtures.completed("i-1", "u-ann", "q-sales", "c-1", T0);
        InteractionRecord annSupport = AcdFixtures.completed("i-2", "u-ann", "q-support", "c-2", T0.plusSeconds(1));
        InteractionRecord bobSales = AcdFixtures.completed("i-3", "u-bob", "q-sales", "c-1", T0.plusSeconds(2));
        InteractionRecord abandoned = AcdFixtures.abandoned("i-4", "q-sales", T0.plusSeconds(3));
        record(a, annSales, annSupport, bobSales, abandoned);

        assertThat(list(a, new HistoryFilter("u-ann", null, null))).containsExactly(annSupport, annSales);
        assertThat(list(a, new HistoryFilter(null, "q-sales", null))).containsExactly(abandoned, bobSales, annSales);
        assertThat(list(a, new HistoryFilter(null, null, "c-1"))).containsExactly(bobSales, annSales);
        assertThat(list(a, new HistoryFilter("u-ann", "q-sales", null))).containsExactly(annSales);
        assertThat(list(a, new HistoryFilter("u-bob", "q-sales", "c-1"))).containsExactly(bobSales);
        assertThat(list(a, new HistoryFilter("u-bob", "q-support", null))).isEmpty();
        assertThat(list(a, new HistoryFilter("u-an", null, null))).isEmpty();
        assertThat(list(a, HistoryFilter.ALL)).containsExactly(abandoned, bobSales, annSupport, annSales);
    }

    @Test
    void filteredPagesFollowTheirCursors() {
        List<InteractionRecord> ann = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            InteractionRecord mine = AcdFixtures.completed("i-a" + i, "u-ann", "q-sales", null, T0.plusSeconds(i));
            ann.addFirst(mine);
            record(a, mine, AcdFixtures.completed("i-b" + i, "u-bob", "q-sales", null, T0.plusSeconds(i)));
        }

        List<List<InteractionRecord>> pages = pages(a, new HistoryFilter("u-ann", null, null), 3);

        assertThat(pages).hasSize(3);
        assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(ann);
    }

    @Test
    void eachTenantHasItsOwnHistoryAndIds() {
        InteractionRecord inA = AcdFixtures.completed("i-same", "u-ann", "q-sales", "c-1", T0);
        InteractionRecord inB = AcdFixtures.abandoned("i-same", "q-other", T0.plusSeconds(3));

        record(a, inA);
        record(b, inB);

        assertThat(history().find(a, "i-same")).contains(inA);
        assertThat(history().find(b, "i-same")).contains(inB);
        assertThat(list(a, HistoryFilter.ALL)).containsExactly(inA);
        assertThat(list(b, HistoryFilter.ALL)).containsExactly(inB);
        assertThat(list(b, new HistoryFilter("u-ann", null, null))).isEmpty();
        assertThat(list(b, new HistoryFilter(null, null, "c-1"))).isEmpty();
        assertThat(list(b, new HistoryFilter(null, "q-sales", null))).isEmpty();
    }

    @Test
    void rejectsACursorItDidNotIssue() {
        assertFails(() -> history().list(a, HistoryFilter.ALL, new PageRequest(5, "i-1")), ErrorKind.INVALID_INPUT,
                "invalid-cursor");
        assertFails(() -> history().list(a, HistoryFilter.ALL, new PageRequest(5, "%%%")), ErrorKind.INVALID_INPUT,
                "invalid-cursor");
    }

    @Test
    void aDispositionRecordedAfterTheEndUpdatesOnlyThatRecordOfThatTenant() {
        InteractionRecord hungUp = withDisposition(AcdFixtures.completed("i-1", "u-ann", "q-sales", "c-1", T0), null, null);
        InteractionRecord other = AcdFixtures.completed("i-2", "u-ann", "q-sales", "c-1", T0.plusSeconds(1));
        record(a, hungUp, other);
        record(b, hungUp);

        InteractionRecord wrapped = withDisposition(hungUp, "sale", "Wants the yearly plan; call back in May");
        fx.transactions().runInTenant(a, () -> history().recordDispositions(a, List.of(wrapped,
                withDisposition(AcdFixtures.completed("i-unknown", "u-ann", "q-sales", null, T0), "x", null))));
        fx.transactions().runInTenant(a, () -> history().recordDispositions(a, List.of(wrapped)));

        assertThat(history().find(a, "i-1")).contains(wrapped);
        assertThat(history().find(a, "i-2")).contains(other);
        assertThat(history().find(b, "i-1")).contains(hungUp);
        assertThat(history().find(a, "i-unknown")).isEmpty();
        assertThat(list(a, HistoryFilter.ALL)).containsExactly(other, wrapped);
    }

    private static InteractionRecord withDisposition(InteractionRecord r, String disposition, String notes) {
        return new InteractionRecord(r.interactionId(), r.channel(), r.queueId(), r.agentId(), r.finalState(), r.from(),
                r.subject(), r.priority(), r.createdAt(), r.connectedAt(), r.endedAt(), disposition, notes,
                r.contactId(), r.transfers());
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> {
            history().recordAll(a, List.of(AcdFixtures.completed("i-1", "u-ann", "q-sales", null, T0)));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(history().find(a, "i-1")).isEmpty();
        record(a, AcdFixtures.completed("i-1", "u-ann", "q-sales", null, T0));
        assertThat(history().find(a, "i-1")).isPresent();
    }
}
