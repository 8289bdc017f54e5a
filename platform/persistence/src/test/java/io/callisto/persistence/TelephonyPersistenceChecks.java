package io.callisto.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.callisto.core.contract.AcdFixtures;
import io.callisto.core.contract.Fixtures;
import io.callisto.core.contract.TelephonyFixtures;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.telephony.TelephonyErrors;
import io.callisto.core.tenant.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks below the ports for the V4 and V5 tables: the constraints themselves (which the repositories normally
 * pre-empt with a look-up) map to the same typed failures, E.164 is unique across tenants in the database, and the
 * new entities are filtered to the EntityManager's tenant whatever JPQL runs on them.
 */
abstract class TelephonyPersistenceChecks {
    private TenantId a;
    private TenantId b;
    private String prefix;

    protected abstract JpaPersistence persistence();

    @BeforeEach
    void createTwoTenants() {
        a = newTenant();
        b = newTenant();
        prefix = TelephonyFixtures.numberPrefix();
    }

    private TenantId newTenant() {
        Tenant t = Fixtures.tenant();
        persistence().tenants().insert(t);
        persistence().queues().insert(t.id(), AcdFixtures.queue("q-1", "Sales"));
        persistence().trunks().insert(t.id(), TelephonyFixtures.trunk(t.id(), "s-1", "Carrier"));
        return t.id();
    }

    /** Writes entities straight through the EntityManager, flushes once and translates like a repository would. */
    private CallistoException failureOf(TenantId tenant, Consumer<EntityManager> writes,
                                        Function<PersistenceException, RuntimeException> translate) {
        JpaTransactions tx = persistence().jpaTransactions();
        Throwable thrown = catchThrowable(() -> tx.inTenant(tenant, () -> tx.tenant(tenant, em -> {
            writes.accept(em);
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw translate.apply(e);
            }
            return null;
        })));
        assertThat(thrown).isInstanceOf(CallistoException.class);
        return (CallistoException) thrown;
    }

    @Test
    void theE164ConstraintHoldsAcrossTenantsAndIsReportedByName() {
        persistence().numbers().insert(b, TelephonyFixtures.number("n-b", prefix + "1", "s-1", "q-1"));

        CallistoException taken = failureOf(a, em -> em.persist(new NumberEntity(TelephonyFixtures.number("n-a",
                prefix + "1", null, "q-1"))), Violations::translate);

        assertThat(taken.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(taken.code()).isEqualTo("number-taken");
        assertThat(persistence().numbers().route(prefix + "1").orElseThrow().tenant()).isEqualTo(b);
    }

    @Test
    void theTrunkNameConstraintIsReportedByName() {
        CallistoException conflict = failureOf(a, em -> em.persist(new TrunkEntity(TelephonyFixtures.bareTrunk("s-2",
                "Carrier"))), Violations::translate);

        assertThat(conflict.code()).isEqualTo("duplicate-trunk-name");
        assertThat(persistence().trunks().all(a)).hasSize(1);
    }

    @Test
    void theForeignKeysKeepNumbersToTheirTenantsTrunksAndQueues() {
        Map<String, java.util.function.Supplier<CallistoException>> asChild = Map.of(
                Violations.NUMBER_TRUNK_FK, TelephonyErrors::unknownTrunk,
                Violations.NUMBER_QUEUE_FK, TelephonyErrors::unknownQueue);
        persistence().trunks().insert(b, TelephonyFixtures.bareTrunk("s-only-b", "Only B"));

        CallistoException trunk = failureOf(a, em -> em.persist(new NumberEntity(TelephonyFixtures.number("n-1",
                prefix + "1", "s-only-b", "q-1"))), e -> Violations.translateForeignKeys(e, asChild));
        CallistoException queue = failureOf(a, em -> em.persist(new NumberEntity(TelephonyFixtures.number("n-1",
                prefix + "1", null, "q-missing"))), e -> Violations.translateForeignKeys(e, asChild));

        assertThat(trunk.fieldErrors()).extracting(CallistoException.FieldError::field).containsExactly("trunkId");
        assertThat(queue.fieldErrors()).extracting(CallistoException.FieldError::field).containsExactly("target.queueId");
        assertThat(persistence().numbers().route(prefix + "1")).isEmpty();
    }

    @Test
    void aTrunkOrQueueANumberNamesCannotBeRemovedEvenPastTheRepository() {
        persistence().numbers().insert(a, TelephonyFixtures.number("n-1", prefix + "1", "s-1", "q-1"));

        CallistoException trunk = failureOf(a, em -> em.remove(em.find(TrunkEntity.class, "s-1")),
                e -> Violations.translateForeignKeys(e, Map.of(Violations.NUMBER_TRUNK_FK, TelephonyErrors::trunkInUse)));
        CallistoException queue = failureOf(a, em -> em.remove(em.find(QueueEntity.class, "q-1")),
                e -> Violations.translateForeignKeys(e, Map.of(Violations.NUMBER_QUEUE_FK, TelephonyErrors::queueInUse)));

        assertThat(trunk.code()).isEqualTo("trunk-in-use");
        assertThat(queue.code()).isEqualTo("queue-in-use");
        assertThat(persistence().trunks().find(a, "s-1")).isPresent();
        assertThat(persistence().queues().find(a, "q-1")).isPresent();
    }

    @Test
    void everyNewEntityIsFilteredToTheUnitsTenant() {
        int n = 1;
        for (TenantId t : List.of(a, b)) {
            persistence().numbers().insert(t, TelephonyFixtures.number("n-shared", prefix + n++, "s-1", "q-1"));
            persistence().callRecords().insert(t, TelephonyFixtures.answered("c-shared", "u-" + t, "q-1", Fixtures.NOW));
        }
        List<String> jpql = List.of("select x.id from TrunkEntity x", "select x.e164 from NumberEntity x",
                "select x.agentId from CallRecordEntity x");

        JpaTransactions tx = persistence().jpaTransactions();
        List<List<Object>> seen = new ArrayList<>();
        tx.runInTenant(a, () -> tx.tenant(a, em -> {
            jpql.forEach(q -> seen.add(em.createQuery(q, Object.class).getResultList()));
            return null;
        }));
        int deleted = tx.inTenant(b, () -> tx.tenant(b, em -> em.createQuery("delete from CallRecordEntity r")
                .executeUpdate()));

        assertThat(seen).allSatisfy(rows -> assertThat(rows).hasSize(1));
        assertThat(seen.get(1)).containsExactly(prefix + "1");
        assertThat(seen.get(2)).containsExactly("u-" + a);
        assertThat(deleted).isEqualTo(1);
        assertThat(persistence().callRecords().find(a, "c-shared")).isPresent();
        assertThat(persistence().callRecords().find(b, "c-shared")).isEmpty();
    }
}
