package io.callisto.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/** The platform API suite on PostgreSQL (TEST_JDBC_URL; CI and the README's test command provide it). */
class PlatformApiPostgresIT extends PlatformApiSuite {
    @BeforeAll
    static void start() {
        assumeTrue(RunningCallisto.postgresAvailable(), "TEST_JDBC_URL is not set: no PostgreSQL to run against");
        startWith(RunningCallisto.Database.POSTGRES);
    }
}
