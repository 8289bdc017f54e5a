package io.callisto.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The repository contracts on PostgreSQL, in a schema of their own that is dropped afterwards. Where
 * the server comes from: see {@link PostgresTestDatabase}. Without one every test is skipped, each
 * with the reason: an assumption in a BeforeEach callback, because one failing in BeforeAll makes the
 * tests vanish from Surefire's report, and one in the contracts' BeforeEach would break their AfterEach.
 */
@ExtendWith(PostgresContractTest.RequiresPostgres.class)
class PostgresContractTest extends JpaContractSuite {
    static PostgresTestDatabase database;
    static JpaPersistence db;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.open().orElse(null);
        if (database != null) {
            db = JpaPersistence.start(database.config());
        }
    }

    static final class RequiresPostgres implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            // On CI a missing PostgreSQL is a broken setup, not a reason to skip.
            if (db == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail("CI=true but " + PostgresTestDatabase.UNAVAILABLE);
            }
            Assumptions.assumeTrue(db != null, PostgresTestDatabase.UNAVAILABLE);
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Override
    protected JpaPersistence persistence() {
        return db;
    }
}
