package io.callisto.persistence;

import io.callisto.core.auth.ClusterSecretRepository;
import io.callisto.core.contract.ClusterSecretRepositoryContract;
import io.callisto.core.contract.CredentialRepositoryContract;
import io.callisto.core.contract.RepositoryFixture;
import io.callisto.core.contract.TenantRepositoryContract;
import io.callisto.core.contract.UserRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The repository contracts on an embedded H2 file database (PostgreSQL mode), one per test class. */
class H2ContractTest {
    @TempDir
    static Path dataDir;
    static JpaPersistence db;

    @BeforeAll
    static void start() {
        db = JpaPersistence.start(PersistenceConfig.embeddedH2(dataDir));
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Nested
    class Tenants extends TenantRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(db);
        }
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(db);
        }
    }

    @Nested
    class Credentials extends CredentialRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(db);
        }
    }

    @Nested
    class Secrets extends ClusterSecretRepositoryContract {
        @Override
        protected ClusterSecretRepository secrets() {
            return db.clusterSecrets();
        }
    }

    @Nested
    class Isolation extends TenantIsolationChecks {
        @Override
        protected JpaPersistence persistence() {
            return db;
        }
    }
}
