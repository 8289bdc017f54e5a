package io.callisto.grid.acd;

import io.callisto.core.acd.Acd;
import io.callisto.core.contract.AcdContract;
import io.callisto.grid.GridNode;
import io.callisto.grid.TestGrid;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Acd contract on a real (single-member, loopback) Coherence cluster. */
class GridAcdTest extends AcdContract {
    private static GridNode grid;

    @BeforeAll
    static void startGrid() {
        grid = TestGrid.start("callisto-acd-test");
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
