package io.callisto.dist;

import org.junit.jupiter.api.BeforeAll;

/** The platform API suite on the embedded default: H2 file database, single-member grid. */
class PlatformApiH2IT extends PlatformApiSuite {
    @BeforeAll
    static void start() {
        startWith(RunningCallisto.Database.H2);
    }
}
