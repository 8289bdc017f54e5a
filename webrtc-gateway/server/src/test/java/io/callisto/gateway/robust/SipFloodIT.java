package io.callisto.gateway.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callisto.gateway.call.GatewayWorld;
import io.callisto.gateway.sipp.Sipp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A flood at a modest but real rate, from one sending thread as fast as it goes: 5,000 OPTIONS, 2,000 INVITEs to
 * numbers nobody has and 2,000 REGISTERs without credentials over UDP from three sockets, while 200 TCP connections
 * from another address (127.0.0.2) are opened and send nothing (the gateway accepts at most its per-address share,
 * 100, of them at once, and closes each after 10 s of silence). Afterwards the gateway serves a real call and
 * challenges a REGISTER over UDP and TCP. How long the flood took and how much of it was answered is reported, not
 * asserted ({@code target/robust/SipFloodIT.md}): performance is benchmarked elsewhere.
 */
class SipFloodIT {
    static final int OPTIONS = 5_000;
    static final int INVITES = 2_000;
    static final int REGISTERS = 2_000;
    static final int IDLE_CONNECTIONS = 200;
    static final String IDLE_SOURCE = "127.0.0.2";
    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3})");
    static GatewayWorld world;
    static String ann;
    static Report report;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Sipp.available(), "sipp (Debian sip-tester) is installed");
        world = new GatewayWorld();
        ann = world.agent("ann");
        report = new Report("SipFloodIT");
    }

    @AfterAll
    static void stop() {
        if (world != null) world.close();
    }

    /** One flooding socket: what it sent, and the final answers it got per Call-ID. */
    static final class Flow implements AutoCloseable {
        final String kind;
        final DatagramSocket socket;
        final Map<String, Integer> answered = new ConcurrentHashMap<>();
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        volatile int sent;
        private final Thread receiver;

        Flow(String kind) throws IOException {
            this.kind = kind;
            this.socket = new DatagramSocket(new InetSocketAddress(RawSip.LOOPBACK, 0));
            socket.setReceiveBufferSize(4 << 20);
            socket.setSoTimeout(200);
            this.receiver = Thread.ofVirtual().start(this::receive);
        }

        void send(String template, int gatewayPort) throws IOException {
            byte[] out = RawSip.render(template.replace("{n}", kind + sent), "UDP", socket.getLocalPort());
            socket.send(new DatagramPacket(out, out.length, RawSip.LOOPBACK, gatewayPort));
            sent++;
        }

        private void receive() {
            byte[] in = new byte[65_535];
            while (!socket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(in, in.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (IOException e) {
                    return;
                }
                String text = new String(in, 0, packet.getLength(), StandardCharsets.ISO_8859_1);
                Matcher m = STATUS.matcher(text);
                if (!m.find()) continue;
                int status = Integer.parseInt(m.group(1));
                statuses.merge(status, 1, Integer::sum);
                if (status >= 200) RawSip.header(text, "Call-ID").ifPresent(id -> answered.putIfAbsent(id, status));
            }
        }

        String summary() {
            return String.format("%s: sent %d, answered %d (%.1f %%), responses by status %s", kind, sent, answered.size(),
                    100.0 * answered.size() / Math.max(1, sent), new TreeMap<>(statuses));
        }

        @Override
        public void close() {
            socket.close();
            try {
                receiver.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void afterAFloodTheGatewayStillServesCallsAndChallengesRegisters() throws Exception {
        int port = world.sipPort();
        List<Socket> idle = openIdleConnections(port);
        report.line("- " + idle.size() + " of " + IDLE_CONNECTIONS + " idle TCP connections opened");
        String options = Req.of("OPTIONS", "ping", port).set("Call-ID", "{n}@flood").text();
        String invite = Req.of("INVITE", "+1555888{d}", port).set("Call-ID", "{n}@flood").sdp(Req.SDP).text();
        String register = Req.to("REGISTER", "sip:" + world.id().value(), "<sip:u{d}@" + world.id().value() + ">")
                .set("From", "<sip:u{d}@" + world.id().value() + ">;tag=r{branch}").set("Call-ID", "{n}@flood").text();
        try (Flow o = new Flow("options"); Flow i = new Flow("invite"); Flow r = new Flow("register")) {
            long started = System.nanoTime();
            int total = OPTIONS + INVITES + REGISTERS;
            for (int n = 0; n < total; n++) {
                String digits = String.format("%04d", n % 10_000);
                switch (n % 9) {
                    case 0, 1, 2, 3, 4 -> o.send(options, port);
                    case 5, 6 -> i.send(invite.replace("{d}", digits), port);
                    default -> r.send(register.replace("{d}", digits), port);
                }
            }
            long sentIn = System.nanoTime() - started;
            awaitQuiet(List.of(o, i, r));
            long answeredIn = System.nanoTime() - started;
            report.line(String.format("- UDP flood: %d messages sent in %d ms (%.0f/s); answers settled after %d ms",
                    total, sentIn / 1_000_000, total / (sentIn / 1e9), answeredIn / 1_000_000));
            for (Flow f : List.of(o, i, r)) {
                report.line("- " + f.summary());
            }
            assertThat(o.sent + i.sent + r.sent).isEqualTo(total);
        }
        int stillOpen = stillOpen(idle);
        report.line("- idle TCP connections the gateway has not closed by now: " + stillOpen + " of " + idle.size());
        // not asserted: connections the kernel completed but the gateway has not accepted yet (its backlog) look open
        // from here too; SipTcpLimitsTest asserts the per-address limit where it is applied
        try {
            report.line("- " + RealCall.works(world, ann, "after the flood, with the idle TCP connections open"));
            assertRegisterIsChallenged(port);
            report.line("- after the flood a REGISTER over UDP and TCP is still challenged (401 with WWW-Authenticate)");
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
        RealCall.assertNothingLeaked(world, "after the flood");
    }

    /**
     * A connection that sends nothing is closed after the first-byte timeout (10 s by default): else MAX_CONNECTIONS
     * (2,000) idle connections would shut SIP over TCP for everyone. Twenty idle connections must be closed by the
     * gateway within 30 s.
     */
    @Test
    void tcpConnectionsThatSendNothingAreDropped() throws Exception {
        List<Socket> idle = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(RawSip.LOOPBACK, world.sipPort()), 5_000);
            idle.add(socket);
        }
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int open = stillOpen(idle);
            while (open > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                open = stillOpen(idle);
            }
            report.line("- idle TCP connections (sending nothing) still open after 30 s: " + open + " of " + idle.size());
            assertThat(open).as("idle TCP connections the gateway kept open for 30 s").isZero();
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    private static void assertRegisterIsChallenged(int port) {
        String domain = world.id().value();
        String register = Req.to("REGISTER", "sip:" + domain, "<sip:ann@" + domain + ">")
                .set("From", "<sip:ann@" + domain + ">;tag=r{branch}").text();
        for (RawSip.Reply reply : List.of(RawSip.udp(port, register), RawSip.tcp(port, register))) {
            assertThat(reply.finalStatus()).as(reply.describe()).contains(401);
            assertThat(RawSip.header(reply.responses().getLast(), "WWW-Authenticate")).as(reply.describe())
                    .hasValueSatisfying(v -> assertThat(v).contains("realm=\"" + domain + "\"", "nonce="));
        }
    }

    /** Waits until no answer has come for 3 s (at most 60 s): late answers and retransmitted 404s are counted. */
    private static void awaitQuiet(List<Flow> flows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = flows.stream().mapToInt(f -> f.statuses.values().stream().mapToInt(Integer::intValue).sum()).sum();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > Duration.ofSeconds(3).toNanos()) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static List<Socket> openIdleConnections(int port) throws InterruptedException {
        List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> openers = new ArrayList<>();
        for (int n = 0; n < IDLE_CONNECTIONS; n++) {
            openers.add(Thread.ofVirtual().start(() -> {
                Socket socket = new Socket();
                try {
                    socket.bind(new InetSocketAddress(IDLE_SOURCE, 0));
                    socket.connect(new InetSocketAddress(RawSip.LOOPBACK, port), 5_000);
                    sockets.add(socket);
                } catch (IOException e) {
                    closeQuietly(socket);
                }
            }));
        }
        for (Thread t : openers) {
            t.join(Duration.ofSeconds(10));
        }
        return sockets;
    }

    /** How many of the connections the gateway has not closed (a read that times out means open). */
    private static int stillOpen(List<Socket> sockets) {
        Set<Socket> open = ConcurrentHashMap.newKeySet();
        for (Socket s : sockets) {
            try {
                s.setSoTimeout(1);
                if (s.getInputStream().read() >= 0) open.add(s);
            } catch (SocketTimeoutException e) {
                open.add(s);
            } catch (IOException e) {
                // reset: closed by the gateway
            }
        }
        return open.size();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
