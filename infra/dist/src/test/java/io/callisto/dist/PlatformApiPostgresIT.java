package io.callisto.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/** The platform API suite on PostgreSQL (TEST_JDBC_URL; CI and the README's test command provide it). */
class PlatformApiPostgresIT extends PlatformApiSuite {
    @BeforeAll
    static void start() {
        // On CI a missing PostgreSQL is a broken setup, not a reason to skip.
        if (!RunningCallisto.postgresAvailable() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail("CI=true but TEST_JDBC_URL is not set");
        }
        assumeTrue(RunningCallisto.postgresAvailable(), "TEST_JDBC_URL is not set: no PostgreSQL to run against");
        startWith(RunningCallisto.Database.POSTGRES);
    }
}
