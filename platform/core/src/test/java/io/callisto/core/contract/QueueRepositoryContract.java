package io.callisto.core.contract;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.acd.QueueConfig;
import io.callisto.core.acd.RoutingStrategy;
import io.callisto.core.acd.Skills;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.queue.QueueRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The QueueRepository contract, including tenant isolation. */
public abstract class QueueRepositoryContract {
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

    private QueueRepository queues() {
        return fx.queues();
    }

    private QueueConfig insert(TenantId tenant, QueueConfig queue) {
        fx.transactions().runInTenant(tenant, () -> queues().insert(tenant, queue));
        return queue;
    }

    private boolean update(TenantId tenant, QueueConfig queue) {
        return fx.transactions().inTenant(tenant, () -> queues().update(tenant, queue));
    }

    private boolean delete(TenantId tenant, String queueId) {
        return fx.transactions().inTenant(tenant, () -> queues().delete(tenant, queueId));
    }

    @Test
    void roundTripsEveryField() {
        QueueConfig sales = insert(a, AcdFixtures.queue("q-sales", "Sales"));

        QueueConfig found = queues().find(a, "q-sales").orElseThrow();
        assertThat(found).isEqualTo(sales);
        assertThat(found.strategy()).isEqualTo(RoutingStrategy.SKILLS);
        assertThat(found.requiredSkills().levels()).containsExactlyInAnyOrderEntriesOf(Map.of("billing", 3, "german", 5));
        assertThat(found.priority()).isEqualTo(7);
        assertThat(found.maxWaitSeconds()).isEqualTo(300);
        assertThat(found.overflowQueueId()).isEqualTo("q-overflow");
        assertThat(found.wrapUpSeconds()).isEqualTo(30);
        assertThat(found.serviceLevelSeconds()).isEqualTo(20);
        assertThat(found.offerTimeoutSeconds()).isEqualTo(15);
        assertThat(found.relaxAfterSeconds()).isEqualTo(60);
        assertThat(found.relaxStep()).isEqualTo(2);
        assertThat(found.recordCalls()).isTrue();
        assertThat(queues().all(a)).containsExactly(sales);
    }

    @Test
    void roundTripsEveryStrategyNullsAndUnicode() {
        List<QueueConfig> stored = new ArrayList<>();
        for (RoutingStrategy strategy : RoutingStrategy.values()) {
            stored.add(insert(a, QueueConfig.simple("q-" + strategy.ordinal(), strategy)));
        }
        QueueConfig unicode = insert(a, new QueueConfig("q-zz", AcdFixtures.UNICODE, RoutingStrategy.RING_ALL,
                new Skills(Map.of("español", 1, "日本語", 10)), -3, 0, null, 0, 0, 1, 0, 0, false));
        stored.add(unicode);

        assertThat(queues().all(a)).containsExactlyElementsOf(stored);
        assertThat(queues().find(a, "q-zz").orElseThrow().name()).isEqualTo(AcdFixtures.UNICODE);
        assertThat(queues().find(a, "q-0").orElseThrow().requiredSkills()).isEqualTo(Skills.NONE);
        assertThat(queues().find(a, "q-0").orElseThrow().overflowQueueId()).isNull();
        assertThat(queues().all(a)).noneMatch(QueueConfig::recordCalls);
    }

    @Test
    void findsNothingUnknown() {
        insert(a, AcdFixtures.queue("q-sales", "Sales"));

        assertThat(queues().find(a, "q-nothing")).isEmpty();
        assertThat(queues().find(a, "Sales")).isEmpty();
        assertThat(queues().all(b)).isEmpty();
        assertThat(queues().list(b, PageRequest.first(5))).isEqualTo(new Page<>(List.of(), null));
    }

    @Test
    void aNameIsUniqueWithinATenantOnly() {
        QueueConfig sales = insert(a, AcdFixtures.queue("q-sales", "Sales"));
        QueueConfig again = AcdFixtures.queue("q-sales-2", "Sales");

        assertFails(() -> insert(a, again), ErrorKind.CONFLICT, "duplicate-queue-name");
        assertThat(queues().find(a, "q-sales-2")).isEmpty();
        assertThat(queues().all(a)).containsExactly(sales);

        insert(b, again);
        insert(a, AcdFixtures.queue("q-sales-3", "sales"));
        assertThat(queues().find(b, "q-sales-2")).contains(again);
    }

    @Test
    void aSecondQueueWithTheSameIdConflicts() {
        QueueConfig sales = insert(a, AcdFixtures.queue("q-sales", "Sales"));

        assertFails(() -> insert(a, AcdFixtures.queue("q-sales", "Other")), ErrorKind.CONFLICT, "duplicate-id");

        assertThat(queues().all(a)).containsExactly(sales);
    }

    @Test
    void updateReplacesEveryFieldAndMayKeepOrChangeTheName() {
        insert(a, AcdFixtures.queue("q-sales", "Sales"));
        QueueConfig sameName = new QueueConfig("q-sales", "Sales", RoutingStrategy.ROUND_ROBIN, Skills.NONE, 1, 2, null, 3, 4,
                5, 6, 7, false);
        QueueConfig renamed = new QueueConfig("q-sales", "Inside sales", RoutingStrategy.FEWEST_CALLS,
                new Skills(Map.of("x", 9)), 0, 0, "q-other", 0, 0, 1, 0, 0, true);

        assertThat(update(a, sameName)).isTrue();
        assertThat(queues().find(a, "q-sales")).contains(sameName);
        assertThat(queues().find(a, "q-sales").orElseThrow().recordCalls()).as("recording switched off").isFalse();
        assertThat(update(a, renamed)).isTrue();
        assertThat(queues().find(a, "q-sales")).contains(renamed);
        assertThat(queues().find(a, "q-sales").orElseThrow().recordCalls()).as("and on again").isTrue();

        QueueConfig takesOldName = insert(a, AcdFixtures.queue("q-new", "Sales"));
        assertThat(queues().all(a)).containsExactly(takesOldName, renamed);
    }

    @Test
    void updateToAnotherQueuesNameConflictsAndChangesNothing() {
        QueueConfig sales = insert(a, AcdFixtures.queue("q-sales", "Sales"));
        QueueConfig support = insert(a, AcdFixtures.queue("q-support", "Support"));

        assertFails(() -> update(a, AcdFixtures.queue("q-support", "Sales")), ErrorKind.CONFLICT, "duplicate-queue-name");

        assertThat(queues().all(a)).containsExactly(sales, support);
    }

    @Test
    void updateOrDeleteOfAnUnknownQueueIsFalse() {
        assertThat(update(a, AcdFixtures.queue("q-ghost", "Ghost"))).isFalse();
        assertThat(delete(a, "q-ghost")).isFalse();
        assertThat(queues().all(a)).isEmpty();
    }

    @Test
    void deletesAQueueAndFreesItsName() {
        insert(a, AcdFixtures.queue("q-sales", "Sales"));

        assertThat(delete(a, "q-sales")).isTrue();
        assertThat(delete(a, "q-sales")).isFalse();

        assertThat(queues().find(a, "q-sales")).isEmpty();
        QueueConfig reused = insert(a, AcdFixtures.queue("q-other", "Sales"));
        assertThat(queues().all(a)).containsExactly(reused);
    }

    @Test
    void listsPageByPageInIdOrder() {
        List<QueueConfig> inA = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            inA.addFirst(insert(a, AcdFixtures.queue("q-" + i, "Queue " + i)));
        }
        insert(b, AcdFixtures.queue("q-3b", "Other"));

        Page<QueueConfig> first = queues().list(a, PageRequest.first(3));
        Page<QueueConfig> second = queues().list(a, new PageRequest(3, first.next()));
        Page<QueueConfig> third = queues().list(a, new PageRequest(3, second.next()));

        assertThat(first.items()).containsExactlyElementsOf(inA.subList(0, 3));
        assertThat(first.next()).isEqualTo("q-2");
        assertThat(second.items()).containsExactlyElementsOf(inA.subList(3, 6));
        assertThat(third.items()).containsExactlyElementsOf(inA.subList(6, 7));
        assertThat(third.next()).isNull();
        assertThat(queues().list(a, PageRequest.first(7)).next()).isNull();
        assertThat(queues().list(a, PageRequest.first(6)).next()).isEqualTo("q-5");
        assertThat(queues().list(a, new PageRequest(2, "q-6")).items()).isEmpty();
        assertThat(queues().all(a)).containsExactlyElementsOf(inA);
    }

    @Test
    void anotherTenantSeesNothingAndChangesNothing() {
        QueueConfig sales = insert(a, AcdFixtures.queue("q-sales", "Sales"));

        assertThat(queues().find(b, "q-sales")).isEmpty();
        assertThat(queues().list(b, PageRequest.first(10)).items()).isEmpty();
        assertThat(queues().all(b)).isEmpty();
        assertThat(update(b, AcdFixtures.queue("q-sales", "Hijacked"))).isFalse();
        assertThat(delete(b, "q-sales")).isFalse();

        assertThat(queues().all(a)).containsExactly(sales);
    }

    @Test
    void theSameQueueIdMayExistInTwoTenantsIndependently() {
        QueueConfig inA = insert(a, AcdFixtures.queue("q-same", "Same"));
        QueueConfig inB = insert(b, QueueConfig.simple("q-same", RoutingStrategy.LONGEST_IDLE));

        assertThat(update(b, AcdFixtures.queue("q-same", "Changed in B"))).isTrue();
        assertThat(delete(b, "q-same")).isTrue();

        assertThat(queues().find(a, "q-same")).contains(inA);
        assertThat(queues().find(b, "q-same")).isEmpty();
        assertThat(inB).isNotEqualTo(inA);
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        QueueConfig sales = insert(a, AcdFixtures.queue("q-sales", "Sales"));

        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> {
            queues().insert(a, AcdFixtures.queue("q-new", "New"));
            queues().update(a, QueueConfig.simple("q-sales", RoutingStrategy.RING_ALL));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(queues().all(a)).containsExactly(sales);
    }
}
