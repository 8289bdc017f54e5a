package io.callisto.gateway.sipp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1 for sipp and the RTP endpoints. Ports are drawn at random from 12000-19999 (below
 * the kernel's ephemeral range, so that no client socket of another process is handed one of them, and
 * below the gateway's RTP range), each one checked by binding it and handed out once per JVM. Random draws
 * keep two test JVMs running at the same time from walking into each other's ports; what is left of that
 * race {@link Sipp.Builder#start()} absorbs by retrying with other ports.
 */
public final class Ports {

    /** The loopback address every socket of the harness binds to and every test packet goes to. */
    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static final int FIRST = 12000;
    private static final int LAST = 19999;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    /** An even port free for both UDP and TCP (a SIP port: sipp's -p). */
    public static synchronized int sipPort() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = draw(0);
            if (udpFree(port) && tcpFree(port)) return handOut(port, 0);
        }
        throw new IllegalStateException("no free SIP port in " + FIRST + "-" + LAST);
    }

    /**
     * The base of a media block: base and base+2 (sipp binds both for its RTP echo sockets, -mp) and
     * base+4 (the harness's {@link RtpEndpoint}, which the scenarios advertise) are free for UDP.
     */
    public static synchronized int mediaBase() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int base = draw(4);
            if (udpFree(base) && udpFree(base + 2) && udpFree(base + 4)) return handOut(base, 4);
        }
        throw new IllegalStateException("no free media ports in " + FIRST + "-" + LAST);
    }

    /** A random even port whose block [port, port+span] holds no port handed out before. */
    private static int draw(int span) {
        while (true) {
            int port = FIRST + 2 * ThreadLocalRandom.current().nextInt((LAST - FIRST - span) / 2);
            boolean clash = false;
            for (int p = port; p <= port + span; p += 2) clash |= HANDED_OUT.contains(p);
            if (!clash) return port;
        }
    }

    private static int handOut(int port, int span) {
        for (int p = port; p <= port + span; p += 2) HANDED_OUT.add(p);
        if (HANDED_OUT.size() > (LAST - FIRST) / 4) HANDED_OUT.clear();
        return port;
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean tcpFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, LOOPBACK)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    /** Rejects anything but an IPv4 literal in 127.0.0.0/8: test traffic goes to loopback only. */
    static String requireLoopback(String host) {
        if (host == null || !host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("an IPv4 literal in 127.0.0.0/8 is required, not " + host);
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress() || address.getAddress().length != 4) {
                throw new IllegalArgumentException("test traffic goes to 127.0.0.0/8 only, not " + host);
            }
            return address.getHostAddress();
        } catch (IOException e) {
            throw new IllegalArgumentException("not an address: " + host, e);
        }
    }
}
