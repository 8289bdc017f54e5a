package io.callisto.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.callisto.core.acd.InteractionRecord;
import io.callisto.core.agent.AgentStateChange;
import io.callisto.core.agent.AwayReason;
import io.callisto.core.contract.AcdFixtures;
import io.callisto.core.contract.Fixtures;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.PageRequest;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.user.Role;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks below the ports for the ACD, history and CRM tables: the database constraints themselves map to
 * the conflicts callers handle (the repositories normally find a conflict before the database does, so the
 * contracts do not reach this path), also when a flush writes rows as one JDBC batch; and every new entity
 * is filtered by the ORM to the EntityManager's tenant, whatever JPQL runs on it.
 */
abstract class AcdPersistenceChecks {
    private TenantId a;
    private TenantId b;

    protected abstract JpaPersistence persistence();

    @BeforeEach
    void createTwoTenants() {
        a = newTenant();
        b = newTenant();
    }

    private TenantId newTenant() {
        Tenant t = Fixtures.tenant();
        persistence().tenants().insert(t);
        return t.id();
    }

    /** Writes entities straight through the EntityManager and flushes once, as a repository would translate it. */
    private CallistoException conflictOf(TenantId tenant, Consumer<EntityManager> writes,
                                         Supplier<CallistoException> otherwise) {
        JpaTransactions tx = persistence().jpaTransactions();
        Throwable thrown = catchThrowable(() -> tx.inTenant(tenant, () -> tx.tenant(tenant, em -> {
            writes.accept(em);
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw Violations.translate(e, otherwise);
            }
            return null;
        })));
        assertThat(thrown).isInstanceOf(CallistoException.class);
        CallistoException conflict = (CallistoException) thrown;
        assertThat(conflict.kind()).isEqualTo(ErrorKind.CONFLICT);
        return conflict;
    }

    @Test
    void theSipUsernameIndexIsReportedByName() {
        CallistoException conflict = conflictOf(a, em -> {
            em.persist(new AgentEntity(AcdFixtures.agent("u-1", "same")));
            em.persist(new AgentEntity(AcdFixtures.agent("u-2", "same")));
        }, Violations::duplicateId);

        assertThat(conflict.code()).isEqualTo("duplicate-sip-username");
        assertThat(persistence().agents().all(a)).isEmpty();
    }

    @Test
    void anAgentsPrimaryKeyIsADuplicateAgent() {
        persistence().agents().insert(a, AcdFixtures.agent("u-1", "one"));

        CallistoException conflict = conflictOf(a, em -> em.persist(new AgentEntity(AcdFixtures.bareAgent("u-1"))),
                Violations::duplicateAgent);

        assertThat(conflict.code()).isEqualTo("duplicate-agent");
    }

    @Test
    void theQueueNameConstraintIsReportedByName() {
        CallistoException conflict = conflictOf(a, em -> {
            em.persist(new QueueEntity(AcdFixtures.queue("q-1", "Sales")));
            em.persist(new QueueEntity(AcdFixtures.queue("q-2", "Sales")));
        }, Violations::duplicateId);

        assertThat(conflict.code()).isEqualTo("duplicate-queue-name");
        assertThat(persistence().queues().all(a)).isEmpty();
    }

    @Test
    void aUsersEmailIsStillReportedByNameWhenWrittenInABatch() {
        CallistoException conflict = conflictOf(a, em -> {
            em.persist(new UserEntity(Fixtures.user(a, "dup@acd.test", Role.AGENT)));
            em.persist(new UserEntity(Fixtures.user(a, "dup@acd.test", Role.AGENT)));
        }, Violations::duplicateId);

        assertThat(conflict.code()).isEqualTo("duplicate-email");
    }

    @Test
    void anyOtherPrimaryKeyIsADuplicateId() {
        InteractionRecord r = AcdFixtures.completed("i-1", "u-1", "q-1", null, Fixtures.NOW);
        persistence().interactionHistory().recordAll(a, List.of(r));

        CallistoException conflict = conflictOf(a, em -> em.persist(new InteractionRecordEntity(r)), Violations::duplicateId);

        assertThat(conflict.code()).isEqualTo("duplicate-id");
    }

    @Test
    void everyNewEntityIsFilteredToTheUnitsTenant() {
        for (TenantId t : List.of(a, b)) {
            persistence().agents().insert(t, AcdFixtures.agent("u-" + t, "sip-" + t));
            persistence().queues().insert(t, AcdFixtures.queue("q-" + t, "Queue " + t));
            persistence().awayReasons().replace(t, List.of(new AwayReason("r", t.value())));
            persistence().agentStateLog().appendAll(t, List.of(AcdFixtures.change(1, 0, "u-" + t, Fixtures.NOW)));
            persistence().interactionHistory().recordAll(t, List.of(AcdFixtures.abandoned("i-" + t, "q", Fixtures.NOW)));
            persistence().contacts().insert(t, AcdFixtures.contact("c-shared", "Contact " + t, null, List.of("+" + t.hashCode()),
                    List.of(t + "@acd.test")));
        }
        List<String> jpql = List.of("select x.agentId from AgentEntity x", "select x.id from QueueEntity x",
                "select x.content from TenantSettingEntity x", "select x.agentId from AgentStateChangeEntity x",
                "select x.interactionId from InteractionRecordEntity x", "select x.name from ContactEntity x",
                "select x.phone from ContactPhoneEntity x", "select x.email from ContactEmailEntity x");

        JpaTransactions tx = persistence().jpaTransactions();
        List<List<Object>> seen = new ArrayList<>();
        tx.runInTenant(a, () -> tx.tenant(a, em -> {
            jpql.forEach(q -> seen.add(em.createQuery(q, Object.class).getResultList()));
            return null;
        }));
        TenantId none = newTenant();
        TenantSettingEntity foreign = tx.inTenant(none, () -> tx.tenant(none,
                em -> em.find(TenantSettingEntity.class, TenantSettingEntity.AWAY_REASONS)));

        assertThat(seen).allSatisfy(rows -> assertThat(rows).hasSize(1));
        assertThat(seen.get(0)).containsExactly("u-" + a);
        assertThat(seen.get(2)).allSatisfy(json -> assertThat((String) json).contains(a.value()));
        assertThat(seen.get(5)).containsExactly("Contact " + a);
        assertThat(seen.get(7)).containsExactly(a + "@acd.test");
        assertThat(foreign).isNull();
    }

    @Test
    void bulkStatementsStayInTheirTenant() {
        persistence().contacts().insert(a, AcdFixtures.contact("c-1", "Ann", null, List.of("+1"), List.of("a@acd.test")));
        JpaTransactions tx = persistence().jpaTransactions();

        int deleted = tx.inTenant(b, () -> tx.tenant(b, em -> em.createQuery("delete from ContactPhoneEntity p")
                .executeUpdate() + em.createQuery("delete from AgentStateChangeEntity c").executeUpdate()));

        assertThat(deleted).isZero();
        assertThat(persistence().contacts().findByPhone(a, "+1")).isPresent();
    }

    @Test
    void aSwallowedConflictStillFailsTheUnit() {
        persistence().agents().insert(a, AcdFixtures.agent("u-1", "one"));
        List<AgentStateChange> changes = List.of(AcdFixtures.change(1, 0, "u-1", Fixtures.NOW));

        Throwable thrown = catchThrowable(() -> persistence().transactions().runInTenant(a, () -> {
            persistence().agentStateLog().appendAll(a, changes);
            try {
                persistence().agents().insert(a, AcdFixtures.agent("u-2", "one"));
            } catch (CallistoException expected) {
                // the caller carries on as if nothing happened
            }
        }));

        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("rollback");
        assertThat(persistence().agentStateLog().list(a, "u-1", PageRequest.first(5)).items()).isEmpty();
    }
}
