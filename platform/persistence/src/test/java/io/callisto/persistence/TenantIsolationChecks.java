package io.callisto.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.auth.RefreshToken;
import io.callisto.core.contract.Fixtures;
import io.callisto.core.error.CallistoException;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.PageRequest;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.eclipse.persistence.config.QueryHints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks below the ports: that isolation is enforced by the ORM itself (a tenant's EntityManager
 * cannot see another tenant's rows, whatever JPQL runs on it) and by the unit-of-work rules.
 */
abstract class TenantIsolationChecks {
    private TenantId a;
    private TenantId b;
    private User ann;
    private User bob;

    protected abstract JpaPersistence persistence();

    @BeforeEach
    void createTwoTenants() {
        a = newTenant();
        b = newTenant();
        ann = Fixtures.user(a, "ann@iso.test", Role.ADMIN);
        bob = Fixtures.user(b, "bob@iso.test", Role.ADMIN);
        persistence().users().insert(a, ann);
        persistence().users().insert(b, bob);
    }

    private TenantId newTenant() {
        Tenant t = Fixtures.tenant();
        persistence().tenants().insert(t);
        return t.id();
    }

    @Test
    void jpqlAndFindInATenantsUnitSeeOnlyThatTenant() {
        JpaTransactions tx = persistence().jpaTransactions();
        List<String> emails = tx.inTenant(a, () -> tx.tenant(a, em ->
                em.createQuery("select u.email from UserEntity u", String.class).getResultList()));
        UserEntity foreign = tx.inTenant(a, () -> tx.tenant(a, em -> em.find(UserEntity.class, bob.id().value())));
        Number allRows = tx.global(em -> (Number) em.createNativeQuery("select count(*) from users")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult());

        assertThat(emails).containsExactly("ann@iso.test");
        assertThat(foreign).isNull();
        assertThat(allRows.longValue()).isGreaterThanOrEqualTo(2);
        assertThat(persistence().users().find(a, bob.id())).isEmpty();
    }

    @Test
    void bulkStatementsStayInTheirTenant() {
        RefreshToken annToken = new RefreshToken(a, Ids.next('r'), ann.id(), "fam", "hash", Fixtures.NOW,
                Fixtures.NOW.plusSeconds(60), null);
        persistence().refreshTokens().insert(a, annToken);

        assertThat(persistence().refreshTokens().revokeFamily(b, "fam", Fixtures.NOW)).isZero();
        assertThat(persistence().refreshTokens().revoke(b, annToken.id(), Fixtures.NOW)).isFalse();
        assertThat(persistence().refreshTokens().deleteExpired(b, Fixtures.NOW.plusSeconds(3600))).isZero();
        assertThat(persistence().refreshTokens().find(a, annToken.id())).contains(annToken);
    }

    @Test
    void revocationIsVisibleLaterInTheSameUnit() {
        RefreshToken token = new RefreshToken(a, Ids.next('r'), ann.id(), "fam", "hash", Fixtures.NOW,
                Fixtures.NOW.plusSeconds(60), null);
        persistence().refreshTokens().insert(a, token);

        RefreshToken seen = persistence().transactions().inTenant(a, () -> {
            persistence().refreshTokens().find(a, token.id()).orElseThrow();
            persistence().refreshTokens().revoke(a, token.id(), Fixtures.NOW);
            return persistence().refreshTokens().find(a, token.id()).orElseThrow();
        });

        assertThat(seen.revokedAt()).isEqualTo(Fixtures.NOW);
    }

    @Test
    void aNestedUnitForAnotherTenantFailsAndRollsTheOuterBack() {
        User extra = Fixtures.user(a, "extra@iso.test", Role.AGENT);

        assertThatThrownBy(() -> persistence().transactions().runInTenant(a, () -> {
            persistence().users().insert(a, extra);
            persistence().transactions().runInTenant(b, () -> { });
        })).isInstanceOf(IllegalStateException.class);

        assertThat(persistence().users().find(a, extra.id())).isEmpty();
        assertThatThrownBy(() -> persistence().transactions().runInTenant(a, () -> persistence().tenants().find(b)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSwallowedConflictStillFailsTheUnit() {
        User extra = Fixtures.user(a, "extra@iso.test", Role.AGENT);
        User dup = Fixtures.user(a, "ann@iso.test", Role.AGENT);

        assertThatThrownBy(() -> persistence().transactions().runInTenant(a, () -> {
            persistence().users().insert(a, extra);
            try {
                persistence().users().insert(a, dup);
            } catch (CallistoException expected) {
                // the caller carries on as if nothing happened
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("rollback");

        assertThat(persistence().users().find(a, extra.id())).isEmpty();
    }

    @Test
    void theEmailLookupSeesTheUnitsOwnWrites() {
        User carl = Fixtures.user(a, "carl@iso.test", Role.AGENT);
        List<TenantId> seen = persistence().transactions().inTenant(a, () -> {
            persistence().users().insert(a, carl);
            return persistence().users().tenantsWithEmail("carl@iso.test");
        });
        assertThat(seen).containsExactly(a);
    }

    @Test
    void everyConnectionGoesBackToThePool() {
        User dup = Fixtures.user(a, "ann@iso.test", Role.AGENT);
        persistence().users().find(a, ann.id());
        persistence().users().tenantsWithEmail("ann@iso.test");
        assertThatThrownBy(() -> persistence().users().insert(a, dup)).isInstanceOf(CallistoException.class);
        assertThatThrownBy(() -> persistence().transactions().runInTenant(a, () -> {
            persistence().users().list(a, PageRequest.first(5));
            throw new IllegalArgumentException("boom");
        })).hasMessage("boom");
        persistence().clusterSecrets().getOrCreate("iso-secret", () -> "v");

        assertThat(persistence().activeConnections()).isZero();
    }

    @Test
    void unitsOnManyVirtualThreadsStayApart() throws Exception {
        List<Tenant> tenants = IntStream.range(0, 24).mapToObj(i -> Fixtures.tenant()).toList();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = tenants.stream().map(t -> threads.submit(() -> persistence().transactions()
                    .runInTenant(t.id(), () -> {
                        persistence().tenants().insert(t);
                        persistence().users().insert(t.id(), Fixtures.user(t.id(), "vt@iso.test", Role.ADMIN));
                    }))).<Future<?>>map(f -> f).toList();
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(persistence().users().tenantsWithEmail("vt@iso.test"))
                .containsExactlyInAnyOrderElementsOf(tenants.stream().map(Tenant::id).toList());
        for (Tenant t : tenants) {
            assertThat(persistence().users().list(t.id(), PageRequest.first(10)).items()).hasSize(1);
        }
        assertThat(persistence().activeConnections()).isZero();
    }

    @Test
    void reportsHealthy() {
        assertThat(persistence().isHealthy()).isTrue();
    }
}
