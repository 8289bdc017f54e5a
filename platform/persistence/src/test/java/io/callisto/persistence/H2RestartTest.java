package io.callisto.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.contract.Fixtures;
import io.callisto.core.tenant.Tenant;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import java.nio.file.Path;
import org.eclipse.persistence.config.QueryHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An embedded database survives a restart, and migrating an up-to-date schema changes nothing. */
class H2RestartTest {
    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() {
        Tenant tenant = Fixtures.tenant();
        User ann = Fixtures.user(tenant.id(), "ann@restart.test", Role.ADMIN);
        String secret;
        int migrations;
        try (JpaPersistence first = JpaPersistence.start(PersistenceConfig.embeddedH2(dataDir))) {
            first.transactions().runInTenant(tenant.id(), () -> {
                first.tenants().insert(tenant);
                first.users().insert(tenant.id(), ann);
            });
            secret = first.clusterSecrets().getOrCreate("jwt", () -> "s1");
            migrations = appliedMigrations(first);
        }

        try (JpaPersistence second = JpaPersistence.start(PersistenceConfig.embeddedH2(dataDir))) {
            assertThat(second.tenants().find(tenant.id())).contains(tenant);
            assertThat(second.users().find(tenant.id(), ann.id())).contains(ann);
            assertThat(second.clusterSecrets().getOrCreate("jwt", () -> "s2")).isEqualTo(secret);
            assertThat(appliedMigrations(second)).isEqualTo(migrations).isPositive();
        }
    }

    private static int appliedMigrations(JpaPersistence db) {
        return db.jpaTransactions().global(em -> ((Number) em.createNativeQuery(
                        "select count(*) from \"flyway_schema_history\" where \"version\" is not null")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult()).intValue());
    }

    @Test
    void isUnhealthyOnceClosed() {
        JpaPersistence db = JpaPersistence.start(PersistenceConfig.embeddedH2(dataDir));
        assertThat(db.isHealthy()).isTrue();
        db.close();
        assertThat(db.isHealthy()).isFalse();
    }
}
