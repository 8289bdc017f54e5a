package io.callisto.core.contract;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.calls.CallDirection;
import io.callisto.core.calls.CallDisposition;
import io.callisto.core.calls.CallFilter;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.CallRecordRepository;
import io.callisto.core.calls.HangupSide;
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

/** The CallRecordRepository contract: idempotent inserts, newest-first filtered pages, tenant isolation. */
public abstract class CallRecordRepositoryContract {
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

    private CallRecordRepository calls() {
        return fx.callRecords();
    }

    private boolean insert(TenantId tenant, CallRecord record) {
        return fx.transactions().inTenant(tenant, () -> calls().insert(tenant, record));
    }

    private List<CallRecord> list(TenantId tenant, CallFilter filter) {
        return calls().list(tenant, filter, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    private List<List<CallRecord>> pages(TenantId tenant, CallFilter filter, int limit) {
        List<List<CallRecord>> pages = new ArrayList<>();
        String after = null;
        do {
            Page<CallRecord> page = calls().list(tenant, filter, new PageRequest(limit, after));
            pages.add(page.items());
            after = page.next();
        } while (after != null && pages.size() < 100);
        return pages;
    }

    @Test
    void roundTripsEveryField() {
        CallRecord answered = TelephonyFixtures.answered("c-1", "u-ann", "q-sales", T0);

        assertThat(insert(a, answered)).isTrue();

        CallRecord found = calls().find(a, "c-1").orElseThrow();
        assertThat(found).isEqualTo(answered);
        assertThat(found.answeredAt()).isEqualTo(T0.plusSeconds(12));
        assertThat(found.talkSeconds()).isEqualTo(180);
        assertThat(found.holdSeconds()).isEqualTo(8);
        assertThat(found.sipCause()).isEqualTo(200);
        assertThat(found.recording()).isEqualTo("c-1.wav");
        assertThat(list(a, CallFilter.ALL)).containsExactly(answered);
    }

    @Test
    void roundTripsNullsUnicodeAndEveryEnum() {
        List<CallRecord> records = new ArrayList<>();
        records.add(TelephonyFixtures.abandoned("c-gone", "q-sales", T0));
        for (CallDisposition disposition : CallDisposition.values()) {
            for (HangupSide side : HangupSide.values()) {
                records.add(new CallRecord("c-" + disposition + "-" + side, CallDirection.values()[side.ordinal() % 2],
                        AcdFixtures.UNICODE, "sip:" + AcdFixtures.UNICODE + "@pbx.example", null, null, null, null, null,
                        T0.plusMillis(records.size()), null, T0.plusSeconds(1), 0, 0, 0, disposition, side, 503, null));
            }
        }
        records.forEach(r -> insert(a, r));

        for (CallRecord r : records) {
            assertThat(calls().find(a, r.id())).contains(r);
        }
        CallRecord gone = calls().find(a, "c-gone").orElseThrow();
        assertThat(gone.agentId()).isNull();
        assertThat(gone.answeredAt()).isNull();
        assertThat(gone.recording()).isNull();
        assertThat(gone.sipCause()).isEqualTo(487);
        assertThat(list(a, CallFilter.ALL)).containsExactlyElementsOf(records.reversed());
    }

    @Test
    void findsNothingUnknown() {
        insert(a, TelephonyFixtures.answered("c-1", "u-ann", "q-sales", T0));

        assertThat(calls().find(a, "c-2")).isEmpty();
        assertThat(calls().find(b, "c-1")).isEmpty();
        assertThat(calls().list(b, CallFilter.ALL, PageRequest.first(5))).isEqualTo(new Page<>(List.of(), null));
    }

    @Test
    void insertingTheSameCallAgainKeepsTheFirstRecord() {
        CallRecord first = TelephonyFixtures.answered("c-1", "u-ann", "q-sales", T0);
        CallRecord rewritten = TelephonyFixtures.abandoned("c-1", "q-other", T0.plusSeconds(60));

        assertThat(insert(a, first)).isTrue();
        assertThat(insert(a, first)).isFalse();
        assertThat(insert(a, rewritten)).isFalse();
        assertThat(calls().insert(a, first)).as("outside a unit of work").isFalse();

        assertThat(calls().find(a, "c-1")).contains(first);
        assertThat(list(a, CallFilter.ALL)).containsExactly(first);
        assertThat(fx.transactions().inTenant(a, () -> calls().insert(a, first) || calls().insert(a, first)))
                .as("twice in one unit").isFalse();
    }

    @Test
    void listsNewestStartFirstWithTiesBrokenByIdDescending() {
        CallRecord oldest = TelephonyFixtures.answered("c-9", "u-ann", "q-sales", T0);
        CallRecord tieA = TelephonyFixtures.answered("c-a", "u-ann", "q-sales", T0.plusSeconds(5));
        CallRecord tieB = TelephonyFixtures.abandoned("c-b", "q-sales", T0.plusSeconds(5));
        CallRecord newest = TelephonyFixtures.answered("c-0", "u-ann", "q-sales", T0.plusSeconds(10));

        for (CallRecord r : List.of(tieB, oldest, newest, tieA)) {
            insert(a, r);
        }

        assertThat(list(a, CallFilter.ALL)).containsExactly(newest, tieB, tieA, oldest);
    }

    @Test
    void pagesThroughTiesWithCursors() {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(TelephonyFixtures.answered("c-" + i, "u-ann", "q-sales", T0.plusSeconds(i / 4)));
        }
        records.forEach(r -> insert(a, r));
        List<CallRecord> expected = list(a, CallFilter.ALL);

        List<List<CallRecord>> byThree = pages(a, CallFilter.ALL, 3);
        List<List<CallRecord>> byFive = pages(a, CallFilter.ALL, 5);

        assertThat(expected).containsExactlyInAnyOrderElementsOf(records);
        assertThat(byThree).hasSize(4);
        assertThat(byThree.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
        assertThat(byFive).hasSize(2);
        assertThat(byFive.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
        assertThat(calls().list(a, CallFilter.ALL, PageRequest.first(10)).next()).isNull();
        assertThat(calls().list(a, CallFilter.ALL, PageRequest.first(9)).next()).isNotNull();
    }

    @Test
    void filtersByAgentQueueAndPeriod() {
        CallRecord annSales = TelephonyFixtures.answered("c-1", "u-ann", "q-sales", T0);
        CallRecord annSupport = TelephonyFixtures.answered("c-2", "u-ann", "q-support", T0.plusSeconds(60));
        CallRecord bobSales = TelephonyFixtures.answered("c-3", "u-bob", "q-sales", T0.plusSeconds(120));
        CallRecord abandoned = TelephonyFixtures.abandoned("c-4", "q-sales", T0.plusSeconds(180));
        for (CallRecord r : List.of(annSales, annSupport, bobSales, abandoned)) {
            insert(a, r);
        }

        assertThat(list(a, new CallFilter("u-ann", null, null, null))).containsExactly(annSupport, annSales);
        assertThat(list(a, new CallFilter(null, "q-sales", null, null))).containsExactly(abandoned, bobSales, annSales);
        assertThat(list(a, new CallFilter("u-ann", "q-sales", null, null))).containsExactly(annSales);
        assertThat(list(a, new CallFilter(null, null, T0.plusSeconds(60), T0.plusSeconds(180))))
                .as("from inclusive, to exclusive").containsExactly(bobSales, annSupport);
        assertThat(list(a, new CallFilter(null, "q-sales", T0.plusMillis(1), null))).containsExactly(abandoned, bobSales);
        assertThat(list(a, new CallFilter(null, null, null, T0.plusSeconds(60)))).containsExactly(annSales);
        assertThat(list(a, new CallFilter("u-bob", "q-support", null, null))).isEmpty();
        assertThat(list(a, new CallFilter("u-an", null, null, null))).isEmpty();
    }

    @Test
    void filteredPagesFollowTheirCursors() {
        List<CallRecord> ann = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            CallRecord mine = TelephonyFixtures.answered("c-a" + i, "u-ann", "q-sales", T0.plusSeconds(i));
            ann.addFirst(mine);
            insert(a, mine);
            insert(a, TelephonyFixtures.answered("c-b" + i, "u-bob", "q-sales", T0.plusSeconds(i)));
        }

        List<List<CallRecord>> pages = pages(a, new CallFilter("u-ann", null, null, T0.plusSeconds(100)), 3);

        assertThat(pages).hasSize(3);
        assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(ann);
    }

    @Test
    void eachTenantHasItsOwnRecordsAndIds() {
        CallRecord inA = TelephonyFixtures.answered("c-same", "u-ann", "q-sales", T0);
        CallRecord inB = TelephonyFixtures.abandoned("c-same", "q-other", T0.plusSeconds(3));

        assertThat(insert(a, inA)).isTrue();
        assertThat(insert(b, inB)).isTrue();

        assertThat(calls().find(a, "c-same")).contains(inA);
        assertThat(calls().find(b, "c-same")).contains(inB);
        assertThat(list(a, CallFilter.ALL)).containsExactly(inA);
        assertThat(list(b, CallFilter.ALL)).containsExactly(inB);
        assertThat(list(b, new CallFilter("u-ann", null, null, null))).isEmpty();
        assertThat(list(b, new CallFilter(null, "q-sales", null, null))).isEmpty();
    }

    @Test
    void rejectsACursorItDidNotIssue() {
        assertFails(() -> calls().list(a, CallFilter.ALL, new PageRequest(5, "c-1")), ErrorKind.INVALID_INPUT,
                "invalid-cursor");
        assertFails(() -> calls().list(a, CallFilter.ALL, new PageRequest(5, "%%%")), ErrorKind.INVALID_INPUT,
                "invalid-cursor");
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> {
            calls().insert(a, TelephonyFixtures.answered("c-1", "u-ann", "q-sales", T0));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(calls().find(a, "c-1")).isEmpty();
        assertThat(insert(a, TelephonyFixtures.answered("c-1", "u-ann", "q-sales", T0))).isTrue();
    }
}
