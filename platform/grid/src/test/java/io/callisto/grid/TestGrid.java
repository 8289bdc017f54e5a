package io.callisto.grid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A single-member loopback cluster on a free port, so a test's cluster forms beside any Callisto running here. */
public final class TestGrid {
    private TestGrid() {
    }

    public static GridNode start(String name) {
        return GridNode.start(GridConfig.loopback(name + "-" + ProcessHandle.current().pid(), freePort(), true, "test"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
