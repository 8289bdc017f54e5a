package io.callisto.grid;

import io.callisto.core.testing.TestPorts;

/** A single-member loopback cluster on a free port, so a test's cluster forms beside any Callisto running here. */
public final class TestGrid {
    private TestGrid() {
    }

    public static GridNode start(String name) {
        return GridNode.start(GridConfig.loopback(name + "-" + ProcessHandle.current().pid(), TestPorts.free(), true, "test"));
    }
}
