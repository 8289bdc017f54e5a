package io.callisto.gateway.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callisto.core.telephony.NumberService;
import io.callisto.core.telephony.TrunkService;
import io.callisto.gateway.call.GatewayWorld;
import io.callisto.gateway.robust.MalformedCases.Case;
import io.callisto.gateway.robust.MalformedCases.Expect;
import io.callisto.gateway.sipp.Sipp;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Malformed and hostile SIP, over UDP and TCP, batch by batch ({@link MalformedCases}): the gateway answers each
 * message with an appropriate 4xx or drops it, never a 5xx for client garbage, and after every batch a real call
 * still works with audio both ways and nothing is left behind (calls, relay ports, ACD interactions). What it
 * answered is written to {@code target/robust/MalformedSipIT.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedSipIT {
    static GatewayWorld world;
    static String ann;
    static Report report;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Sipp.available(), "sipp (Debian sip-tester) is installed");
        world = new GatewayWorld();
        String farTrunk = new TrunkService(world.store, world.store.trunks(), world.clock).create(world.admin,
                new TrunkService.TrunkInput("Far carrier", "CARRIER", "192.0.2.10", 5060, "UDP", null, null, false, null,
                        List.of("192.0.2.0/24"), List.of(), null, 10, true, Set.of())).id();
        new NumberService(world.store, world.store.numbers(), world.store.trunks(), world.store.queues(), world.clock)
                .create(world.admin, new NumberService.NumberInput(MalformedCases.FOREIGN_NUMBER, null, farTrunk,
                        new NumberService.TargetInput("QUEUE", world.queueId, null), Set.of()));
        ann = world.agent("ann");
        report = new Report("MalformedSipIT");
        report.line("Gateway on 127.0.0.1:" + world.sipPort() + " (UDP and TCP). Expected: the codes listed, "
                + "\"silence\" = dropped; never a 5xx/6xx.\n");
        report.line("| batch | message | UDP: gateway answered | TCP: gateway answered | acceptable |");
        report.line("|---|---|---|---|---|");
    }

    @AfterAll
    static void stop() {
        if (world != null) world.close();
    }

    @Test
    @Order(1)
    void brokenStartLinesAndTargets() throws Exception {
        batch(MalformedCases.START);
    }

    @Test
    @Order(2)
    void brokenAndMissingHeaders() throws Exception {
        batch(MalformedCases.HEADERS);
    }

    @Test
    @Order(3)
    void hugeMessagesBadLengthsAndSlowSenders() throws Exception {
        batch(MalformedCases.SIZES);
    }

    @Test
    @Order(4)
    void badSdp() throws Exception {
        batch(MalformedCases.SDP);
    }

    @Test
    @Order(5)
    void requestsOutsideDialogsUnsolicitedResponsesAndBadRegisters() throws Exception {
        batch(MalformedCases.DIALOG);
    }

    /**
     * Responses nobody asked for, each with a Contact naming a third party (a "victim" socket): the gateway must not
     * keep anything for them (JAIN-SIP's dialog table) nor send anything anywhere (an ACK to the Contact would make
     * it a reflector: UDP datagrams or TCP connections to any address an attacker writes into a forged 200).
     */
    @Test
    @Order(6)
    void unsolicitedResponsesLeaveNoStateAndMakeTheGatewaySendNothing() throws Exception {
        int dialogsBefore = world.stackDialogs();
        int port = world.sipPort();
        List<String> answered = new ArrayList<>();
        try (DatagramSocket udpVictim = new DatagramSocket(new InetSocketAddress(RawSip.LOOPBACK, 0));
             ServerSocket tcpVictim = new ServerSocket(0, 50, RawSip.LOOPBACK)) {
            for (int i = 0; i < 40; i++) {
                boolean udpContact = i % 2 == 0;
                String contact = "<sip:victim@127.0.0.1:" + (udpContact ? udpVictim.getLocalPort() + ";transport=udp"
                        : tcpVictim.getLocalPort() + ";transport=tcp") + ">";
                String status = i % 4 < 2 ? "200 OK" : "183 Session Progress";
                String stray = MalformedCases.response(status, (i + 1) + " INVITE", port)
                        .replaceFirst("Contact: [^\r]*", Matcher.quoteReplacement("Contact: " + contact));
                if (i % 8 >= 4) {
                    // a forger who has seen one of the gateway's branches knows the stack's branch signature
                    String signature = gov.nist.javax.sip.Utils.getSignature();
                    stray = stray.replace(";branch=z9hG4bK{branch}", ";branch=z9hG4bK-" + signature + "-{branch}");
                }
                RawSip.Reply reply = i < 20 ? RawSip.udp(port, stray, Duration.ofMillis(200))
                        : RawSip.tcp(port, stray, Duration.ofMillis(200), Duration.ofSeconds(2));
                if (!reply.silent()) answered.add(status + ": " + reply.describe());
            }
            int datagrams = countDatagrams(udpVictim);
            int connections = countConnections(tcpVictim);
            int dialogsAfter = awaitDialogsAtMost(dialogsBefore);
            report.line("\n- 40 unsolicited 200/183 responses to INVITEs (20 over UDP, 20 over TCP), Contact = a victim "
                    + "socket: the victim got " + datagrams + " datagrams and " + connections + " TCP connections from the "
                    + "gateway; SIP stack dialogs before " + dialogsBefore + ", after " + dialogsAfter);
            assertThat(answered).as("answers sent back to the sender").isEmpty();
            assertThat(datagrams).as("datagrams the gateway sent to the Contact of forged responses").isZero();
            assertThat(connections).as("TCP connections the gateway opened to the Contact of forged responses").isZero();
            assertThat(dialogsAfter).as("SIP stack dialogs left by forged responses").isLessThanOrEqualTo(dialogsBefore);
        }
    }

    /** The stack's dialog count once it is back to {@code limit}, or what it is after 20 s (terminated ones linger). */
    private static int awaitDialogsAtMost(int limit) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int now = world.stackDialogs();
        while (now > limit && System.nanoTime() < deadline) {
            Thread.sleep(250);
            now = world.stackDialogs();
        }
        return now;
    }

    private static int countDatagrams(DatagramSocket socket) throws Exception {
        socket.setSoTimeout(2_000);
        int count = 0;
        byte[] buffer = new byte[65_535];
        while (true) {
            try {
                socket.receive(new DatagramPacket(buffer, buffer.length));
                count++;
            } catch (SocketTimeoutException e) {
                return count;
            }
        }
    }

    @SuppressWarnings("try")
    private static int countConnections(ServerSocket server) throws Exception {
        server.setSoTimeout(1_000);
        int count = 0;
        while (true) {
            try (Socket ignored = server.accept()) {
                count++;
            } catch (SocketTimeoutException e) {
                return count;
            }
        }
    }

    @Test
    @Order(7)
    void atTheEndTheGatewayStillServesCallsAndHoldsNothing() throws Exception {
        RealCall.assertNothingLeaked(world, "after all the garbage");
        report.line("\n" + RealCall.works(world, ann, "at the end"));
        assertThat(RawSip.udp(world.sipPort(), Req.of("OPTIONS", "ping", world.sipPort()).text()).finalStatus())
                .as("OPTIONS over UDP").contains(200);
        assertThat(RawSip.tcp(world.sipPort(), Req.of("OPTIONS", "ping", world.sipPort()).text()).finalStatus())
                .as("OPTIONS over TCP").contains(200);
        RealCall.assertNothingLeaked(world, "at the end");
    }

    /** Sends every case of the batch over UDP and TCP, then places a real call; fails with every violation. */
    private static void batch(String batch) throws Exception {
        List<String> violations = new ArrayList<>();
        int port = world.sipPort();
        String only = System.getProperty("robust.cases", "");
        for (Case c : MalformedCases.all(port, world.id().value())) {
            if (!c.batch().equals(batch) || !only.isEmpty() && !c.name().matches(only)) continue;
            String udp = "-";
            String tcp = "-";
            if (c.udp() != null) {
                RawSip.Reply reply = RawSip.udp(port, c.udp());
                udp = reply.describe();
                check(violations, c, "UDP", c.udpExpect(), reply);
            }
            if (c.tcp() != null) {
                Duration quiet = c.tcpQuiet() == null ? Duration.ofMillis(1500) : c.tcpQuiet();
                RawSip.Reply reply = RawSip.tcp(port, c.tcp(), quiet, quiet.plusSeconds(10), c.mustClose());
                tcp = reply.describe();
                check(violations, c, "TCP", c.tcpExpect(), reply);
                if (c.mustClose() && !reply.closedByPeer()) {
                    violations.add(c.name() + " over TCP: the gateway kept the connection open for " + quiet.toSeconds() + " s");
                }
            }
            String acceptable = c.udpExpect() == null ? c.tcpExpect().describe() : c.tcpExpect() == null
                    || c.tcpExpect().equals(c.udpExpect()) ? c.udpExpect().describe()
                    : "UDP " + c.udpExpect().describe() + "; TCP " + c.tcpExpect().describe();
            report.line("| " + batch + " | " + cell(c.name()) + " | " + cell(udp) + " | " + cell(tcp) + " | " + acceptable
                    + " |");
        }
        AssertionError callFailed = null;
        try {
            RealCall.assertNothingLeaked(world, "after the batch " + batch);
            report.line("| " + batch + " | **then a real call** | " + cell(RealCall.works(world, ann, "after " + batch))
                    + " | | |");
        } catch (AssertionError e) {
            report.line("| " + batch + " | **then a real call** | FAILED: " + cell(e.getMessage()) + " | | |");
            callFailed = e;
        }
        if (!violations.isEmpty()) {
            AssertionError e = new AssertionError("messages of the batch " + batch + " the gateway answered badly:\n"
                    + String.join("\n\n", violations));
            if (callFailed != null) e.addSuppressed(callFailed);
            throw e;
        }
        if (callFailed != null) throw callFailed;
    }

    private static void check(List<String> violations, Case c, String transport, Expect expect, RawSip.Reply reply) {
        String violation = expect.violation(reply);
        if (violation != null) {
            String first = reply.responses().isEmpty() ? "" : "\n" + reply.responses().getFirst().lines().limit(12)
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            violations.add(c.name() + " over " + transport + ": " + violation + first);
        }
    }

    private static String cell(String text) {
        String flat = text.replace("|", "/").replace("\r", "").replace("\n", " ").replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
