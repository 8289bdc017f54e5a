package io.callisto.core.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a test's listeners on loopback. A port the kernel picks with bind(0) comes from its ephemeral range
 * (32768-60999 on Linux), which the outgoing connections a starting server makes (JDBC, HTTP, the grid) draw from too:
 * between the probe and the server's own bind one of them can take it, and the start fails. These ports lie below
 * that range, below the gateway's default RTP range (20000-40000) and below the sipp harness's 12000-19999, are free
 * for both TCP and UDP when handed out (SIP binds both on one port) and are never handed out twice by one JVM.
 */
public final class TestPorts {
    private static final int LOWEST = 10_000;
    private static final int HIGHEST = 11_999;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private TestPorts() {
    }

    /** A port free on loopback for TCP and UDP right now, outside the ranges above. */
    public static int free() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = random.nextInt(LOWEST, HIGHEST + 1);
            if (!HANDED_OUT.contains(port) && freeForBoth(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port between " + LOWEST + " and " + HIGHEST);
    }

    private static boolean freeForBoth(int port) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket tcp = new ServerSocket(port, 1, loopback); DatagramSocket udp = new DatagramSocket(port, loopback)) {
            return tcp.getLocalPort() == port && udp.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}
