package io.callisto.core.contract;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.telephony.NumberConfig;
import io.callisto.core.telephony.NumberRepository;
import io.callisto.core.telephony.NumberRoute;
import io.callisto.core.telephony.NumberTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NumberRepository contract: an E.164 number belongs to one tenant across all of them, the global route lookup,
 * references to the tenant's own trunks and queues only, and isolation otherwise.
 */
public abstract class NumberRepositoryContract {
    protected RepositoryFixture fx;
    private TenantId a;
    private TenantId b;
    private String prefix;

    protected abstract RepositoryFixture createFixture();

    @BeforeEach
    void open() {
        fx = createFixture();
        a = AcdFixtures.newTenant(fx);
        b = AcdFixtures.newTenant(fx);
        prefix = TelephonyFixtures.numberPrefix();
        for (TenantId t : List.of(a, b)) {
            fx.transactions().runInTenant(t, () -> {
                fx.trunks().insert(t, TelephonyFixtures.trunk(t, "s-1", "Carrier"));
                fx.queues().insert(t, AcdFixtures.queue("q-sales", "Sales"));
                fx.queues().insert(t, AcdFixtures.queue("q-support", "Support"));
            });
        }
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private NumberRepository numbers() {
        return fx.numbers();
    }

    private String e164(int suffix) {
        return prefix + suffix;
    }

    private NumberConfig insert(TenantId tenant, NumberConfig number) {
        fx.transactions().runInTenant(tenant, () -> numbers().insert(tenant, number));
        return number;
    }

    private boolean update(TenantId tenant, NumberConfig number) {
        return fx.transactions().inTenant(tenant, () -> numbers().update(tenant, number));
    }

    private boolean delete(TenantId tenant, String id) {
        return fx.transactions().inTenant(tenant, () -> numbers().delete(tenant, id));
    }

    private NumberConfig number(String id, int suffix) {
        return TelephonyFixtures.number(id, e164(suffix), "s-1", "q-sales");
    }

    @Test
    void roundTripsEveryFieldAndNulls() {
        NumberConfig main = insert(a, number("n-1", 1));
        NumberConfig bare = insert(a, new NumberConfig("n-2", e164(2), null, null, NumberTarget.queue("q-support"),
                Fixtures.NOW, Fixtures.NOW));
        NumberConfig ivr = insert(a, new NumberConfig("n-3", e164(3), AcdFixtures.UNICODE, null, NumberTarget.ivr("f-1"),
                Fixtures.NOW, Fixtures.NOW));

        assertThat(numbers().find(a, "n-1")).contains(main);
        assertThat(numbers().find(a, "n-1").orElseThrow().trunkId()).isEqualTo("s-1");
        assertThat(numbers().find(a, "n-1").orElseThrow().target().queueId()).isEqualTo("q-sales");
        assertThat(numbers().find(a, "n-2")).contains(bare);
        assertThat(numbers().find(a, "n-2").orElseThrow().name()).isNull();
        assertThat(numbers().find(a, "n-3")).contains(ivr);
        assertThat(numbers().find(a, "n-3").orElseThrow().target().ivrFlowId()).isEqualTo("f-1");
        assertThat(numbers().list(a, PageRequest.first(10)).items()).containsExactly(main, bare, ivr);
    }

    @Test
    void aNumberBelongsToOneTenantAcrossAllTenants() {
        NumberConfig mine = insert(a, number("n-1", 1));

        assertFails(() -> insert(b, number("n-9", 1)), ErrorKind.CONFLICT, "number-taken");
        assertFails(() -> insert(a, number("n-2", 1)), ErrorKind.CONFLICT, "number-taken");

        assertThat(numbers().list(b, PageRequest.first(10)).items()).isEmpty();
        assertThat(numbers().list(a, PageRequest.first(10)).items()).containsExactly(mine);
        assertThat(delete(a, "n-1")).isTrue();
        NumberConfig nowB = insert(b, number("n-9", 1));
        assertThat(numbers().route(e164(1)).orElseThrow().tenant()).isEqualTo(b);
        assertThat(numbers().find(b, "n-9")).contains(nowB);
    }

    @Test
    void anUpdateMayKeepItsNumberButNotTakeAnother() {
        insert(a, number("n-1", 1));
        NumberConfig other = insert(b, number("n-2", 2));
        NumberConfig renamed = new NumberConfig("n-1", e164(1), "Renamed", null, NumberTarget.queue("q-support"),
                Fixtures.NOW, Fixtures.NOW.plusSeconds(60));

        assertThat(update(a, renamed)).isTrue();
        assertFails(() -> update(a, number("n-1", 2)), ErrorKind.CONFLICT, "number-taken");

        assertThat(numbers().find(a, "n-1")).contains(renamed);
        assertThat(numbers().find(b, "n-2")).contains(other);
        NumberConfig moved = TelephonyFixtures.number("n-1", e164(3), "s-1", "q-sales");
        assertThat(update(a, moved)).isTrue();
        assertThat(numbers().route(e164(1))).isEmpty();
        assertThat(numbers().route(e164(3)).orElseThrow().numberId()).isEqualTo("n-1");
    }

    @Test
    void routesANumberToItsTenantAndTargetFromAnywhere() {
        insert(a, number("n-1", 1));
        insert(b, new NumberConfig("n-1", e164(2), null, null, NumberTarget.queue("q-support"), Fixtures.NOW,
                Fixtures.NOW));

        assertThat(numbers().route(e164(1))).contains(new NumberRoute(a, "n-1", e164(1), NumberTarget.queue("q-sales"),
                "s-1"));
        NumberRoute ofB = numbers().route(e164(2)).orElseThrow();
        assertThat(ofB).isEqualTo(new NumberRoute(b, "n-1", e164(2), NumberTarget.queue("q-support"), null));
        assertThat(ofB.queueId()).isEqualTo("q-support");
        assertThat(numbers().route(e164(3))).isEmpty();
        assertThat(numbers().route(e164(1).substring(1))).as("only the normalized form").isEmpty();
        assertThat(fx.transactions().inTenant(a, () -> numbers().route(e164(2)))).as("inside another unit")
                .contains(ofB);
    }

    @Test
    void aNumberNamesOnlyItsOwnTenantsTrunkAndQueue() {
        fx.transactions().runInTenant(b, () -> {
            fx.trunks().insert(b, TelephonyFixtures.bareTrunk("s-only-b", "Only B"));
            fx.queues().insert(b, AcdFixtures.queue("q-only-b", "Only B"));
        });

        CallistoException trunk = assertFails(() -> insert(a, TelephonyFixtures.number("n-1", e164(1), "s-only-b",
                "q-sales")), ErrorKind.INVALID_INPUT, "validation-failed");
        CallistoException queue = assertFails(() -> insert(a, TelephonyFixtures.number("n-1", e164(1), null,
                "q-only-b")), ErrorKind.INVALID_INPUT, "validation-failed");
        insert(a, number("n-1", 1));
        assertFails(() -> update(a, TelephonyFixtures.number("n-1", e164(1), "s-only-b", "q-sales")),
                ErrorKind.INVALID_INPUT, "validation-failed");

        assertThat(trunk.fieldErrors()).extracting(CallistoException.FieldError::field).containsExactly("trunkId");
        assertThat(queue.fieldErrors()).extracting(CallistoException.FieldError::field).containsExactly("target.queueId");
        assertThat(numbers().find(a, "n-1")).contains(number("n-1", 1));
        assertThat(numbers().route(e164(1)).orElseThrow().trunkId()).isEqualTo("s-1");
    }

    @Test
    void aQueueANumberSendsCallsToIsNotDeleted() {
        insert(a, number("n-1", 1));

        assertFails(() -> fx.transactions().runInTenant(a, () -> fx.queues().delete(a, "q-sales")), ErrorKind.CONFLICT,
                "queue-in-use");

        assertThat(fx.queues().find(a, "q-sales")).isPresent();
        assertThat(fx.transactions().inTenant(a, () -> fx.queues().delete(a, "q-support"))).isTrue();
        assertThat(fx.transactions().inTenant(b, () -> fx.queues().delete(b, "q-sales"))).as("B's queue of that id")
                .isTrue();
        update(a, new NumberConfig("n-1", e164(1), null, null, NumberTarget.ivr("f-1"), Fixtures.NOW, Fixtures.NOW));
        assertThat(fx.transactions().inTenant(a, () -> fx.queues().delete(a, "q-sales"))).isTrue();
    }

    @Test
    void anotherTenantSeesNothingAndChangesNothing() {
        NumberConfig main = insert(a, number("n-1", 1));

        assertThat(numbers().find(b, "n-1")).isEmpty();
        assertThat(numbers().list(b, PageRequest.first(10))).isEqualTo(new Page<>(List.of(), null));
        assertThat(update(b, number("n-1", 1))).isFalse();
        assertThat(delete(b, "n-1")).isFalse();

        assertThat(numbers().find(a, "n-1")).contains(main);
        assertThat(numbers().route(e164(1)).orElseThrow().tenant()).isEqualTo(a);
    }

    @Test
    void updateOrDeleteOfAnUnknownNumberIsFalse() {
        assertThat(update(a, number("n-ghost", 1))).isFalse();
        assertThat(delete(a, "n-ghost")).isFalse();
        assertThat(numbers().route(e164(1))).isEmpty();
    }

    @Test
    void listsPageByPageInIdOrder() {
        List<NumberConfig> inA = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            inA.addFirst(insert(a, number("n-" + i, i)));
        }
        insert(b, number("n-3b", 9));

        Page<NumberConfig> first = numbers().list(a, PageRequest.first(3));
        Page<NumberConfig> second = numbers().list(a, new PageRequest(3, first.next()));
        Page<NumberConfig> third = numbers().list(a, new PageRequest(3, second.next()));

        assertThat(first.items()).containsExactlyElementsOf(inA.subList(0, 3));
        assertThat(first.next()).isEqualTo("n-2");
        assertThat(second.items()).containsExactlyElementsOf(inA.subList(3, 6));
        assertThat(third.items()).containsExactlyElementsOf(inA.subList(6, 7));
        assertThat(third.next()).isNull();
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        NumberConfig main = insert(a, number("n-1", 1));

        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> {
            numbers().insert(a, number("n-2", 2));
            numbers().delete(a, "n-1");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(numbers().list(a, PageRequest.first(10)).items()).containsExactly(main);
        assertThat(numbers().route(e164(2))).isEmpty();
        assertThat(numbers().route(e164(1))).isPresent();
    }
}
