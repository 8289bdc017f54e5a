package io.callisto.grid.acd;

import io.callisto.core.acd.Acd;
import io.callisto.core.contract.AcdContract;
import io.callisto.grid.GridConfig;
import io.callisto.grid.GridNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Acd contract on a real (single-member, loopback) Coherence cluster. */
class GridAcdTest extends AcdContract {
    private static GridNode grid;

    @BeforeAll
    static void startGrid() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        grid = GridNode.start(GridConfig.loopback("callisto-acd-test-" + ProcessHandle.current().pid(), port, true,
                "test"));
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
