package io.callisto.grid.acd;

import io.callisto.core.acd.Acd;
import io.callisto.core.contract.AcdConcurrencyContract;
import io.callisto.grid.GridNode;
import io.callisto.grid.TestGrid;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The concurrency hammer on a real cluster member: the same invariants when commands run as entry processors. */
class GridAcdConcurrencyTest extends AcdConcurrencyContract {
    private static GridNode grid;

    @BeforeAll
    static void startGrid() {
        grid = TestGrid.start("callisto-hammer-test");
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Override
    protected Acd createAcd() {
        return new GridAcd(grid, Clock.systemUTC());
    }
}
