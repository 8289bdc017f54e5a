package io.callisto.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The repository contracts on an embedded H2 file database (PostgreSQL mode), one per test class. */
class H2ContractTest extends JpaContractSuite {
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

    @Override
    protected JpaPersistence persistence() {
        return db;
    }
}
