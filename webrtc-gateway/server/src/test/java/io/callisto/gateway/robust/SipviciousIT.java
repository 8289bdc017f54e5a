package io.callisto.gateway.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callisto.gateway.call.GatewayWorld;
import io.callisto.gateway.sipp.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sipvicious scanners against the gateway on 127.0.0.1 (skipped when they are not installed): svmap may find the
 * device (that is what an open SIP port is), but svwar finds no extension, by REGISTER or INVITE, whether the users
 * exist or not, and svcrack cracks no password, neither in the tenant's realm nor in the realm sipvicious makes up
 * from the address. A control run with the right password shows svcrack does work against the gateway. What each
 * tool printed goes to {@code target/robust/SipviciousIT.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SipviciousIT {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final String[] NAMES = {"ann", "agent", "admin", "1000", "bob", "root", "operator"};
    static GatewayWorld world;
    static String ann;
    static Report report;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Sipvicious.available(), "sipvicious (svmap, svwar, svcrack) is installed");
        world = new GatewayWorld();
        ann = world.agent("ann");
        world.agent("1000");
        world.agent("admin");
        report = new Report("SipviciousIT");
        report.line("Gateway on 127.0.0.1:" + world.sipPort() + ", tenant (realm) " + world.id().value()
                + "; agents with SIP accounts: ann, 1000, admin (password " + GatewayWorld.PASSWORD + ").\n");
        report.line("Versions: " + Sipvicious.version(Sipvicious.SVMAP) + ", " + Sipvicious.version(Sipvicious.SVWAR) + ", "
                + Sipvicious.version(Sipvicious.SVCRACK) + "\n");
    }

    @AfterAll
    static void stop() {
        if (world != null) world.close();
    }

    @Test
    @Order(1)
    void svmapFindsTheDeviceAndNothingMore() {
        Sipvicious.Run run = record("fingerprint", Sipvicious.svmap(world.sipPort(), TIMEOUT));
        assertThat(run.timedOut()).as(run.output()).isFalse();
        assertThat(run.rows()).as(run.output()).allSatisfy(row ->
                assertThat(row.getFirst()).isEqualTo("127.0.0.1:" + world.sipPort()));
    }

    @Test
    @Order(2)
    void svwarFindsNoExtensionByRegister() {
        Path names = Sipvicious.dictionary(NAMES);
        String tenant = world.id().value();
        List<Sipvicious.Run> runs = List.of(
                record("REGISTER, numbers, domain = the address", Sipvicious.svwar(world.sipPort(), TIMEOUT,
                        "-e100-200,1000", "-m", "REGISTER")),
                record("REGISTER, numbers, domain = the tenant", Sipvicious.svwar(world.sipPort(), TIMEOUT,
                        "-e100-200,1000", "-m", "REGISTER", "--domain", tenant)),
                record("REGISTER, numbers, domain = the tenant, --force", Sipvicious.svwar(world.sipPort(), TIMEOUT,
                        "-e100-200,1000", "-m", "REGISTER", "--domain", tenant, "--force")),
                record("REGISTER, names, domain = the tenant, --force", Sipvicious.svwar(world.sipPort(), TIMEOUT,
                        "-d", names.toString(), "-m", "REGISTER", "--domain", tenant, "--force")),
                record("REGISTER, names, domain = the address, --force", Sipvicious.svwar(world.sipPort(), TIMEOUT,
                        "-d", names.toString(), "-m", "REGISTER", "--force")));
        assertNothingFound(runs);
    }

    @Test
    @Order(3)
    void svwarFindsNoExtensionByInvite() {
        Path names = Sipvicious.dictionary(NAMES);
        String tenant = world.id().value();
        List<Sipvicious.Run> numbers = List.of(
                record("INVITE, numbers, domain = the address", Sipvicious.svwar(world.sipPort(), TIMEOUT,
                        "-vv", "-e100-200,1000", "-m", "INVITE")),
                record("INVITE, numbers, domain = the tenant", Sipvicious.svwar(world.sipPort(), TIMEOUT,
                        "-vv", "-e100-200,1000", "-m", "INVITE", "--domain", tenant)));
        List<Sipvicious.Run> words = List.of(
                record("INVITE, names, domain = the address", Sipvicious.svwar(world.sipPort(), TIMEOUT,
                        "-vv", "-d", names.toString(), "-m", "INVITE")),
                record("INVITE, names, domain = the tenant", Sipvicious.svwar(world.sipPort(), TIMEOUT,
                        "-vv", "-d", names.toString(), "-m", "INVITE", "--domain", tenant)));
        assertNothingFound(numbers);
        assertNothingFound(words);
        // At the gateway's address svwar went through every extension, each answered 404 like the made-up one it
        // started with. In a tenant's domain (where agents' phones call colleagues) every name, made-up or not, is
        // challenged 407 before anything is looked up, so svwar gives up: it cannot tell one from another.
        List<String> extensions = new java.util.ArrayList<>(java.util.stream.IntStream.rangeClosed(100, 200)
                .mapToObj(Integer::toString).toList());
        extensions.add("1000");
        assertThat(numbers.getFirst().distinct("User '([^']*)' not found")).as(numbers.getFirst().commandLine())
                .containsAll(extensions);
        assertThat(words.getFirst().distinct("User '([^']*)' not found")).as(words.getFirst().commandLine())
                .containsAll(List.of(NAMES));
        for (Sipvicious.Run inTenant : List.of(numbers.getLast(), words.getLast())) {
            assertThat(inTenant.output()).as(inTenant.commandLine())
                    .contains("replied with an authentication request for an unknown extension");
        }
        assertThat(world.gateway.calls().active()).isZero();
    }

    @Test
    @Order(4)
    void svcrackCracksNoPassword() {
        String tenant = world.id().value();
        Path withTheRightOne = Sipvicious.dictionary("123456", "password", "ann", GatewayWorld.PASSWORD, "1000");
        List<Sipvicious.Run> ranges = List.of(
                record("crack ann, 1000-1100, realm = the tenant", Sipvicious.svcrack(world.sipPort(), TIMEOUT,
                        "-vv", "-u", "ann", "-r", "1000-1100", "--domain", tenant)),
                record("crack ann, 1000-1100, realm = the address", Sipvicious.svcrack(world.sipPort(), TIMEOUT,
                        "-vv", "-u", "ann", "-r", "1000-1100")),
                record("crack 1000, 1000-1100, realm = the tenant", Sipvicious.svcrack(world.sipPort(), TIMEOUT,
                        "-vv", "-u", "1000", "-r", "1000-1100", "--domain", tenant)));
        List<Sipvicious.Run> confusion = List.of(
                record("crack ann with her real password, realm = the address (realm confusion)",
                        Sipvicious.svcrack(world.sipPort(), TIMEOUT, "-vv", "-u", "ann", "-d", withTheRightOne.toString())),
                record("crack ann with her real password, realm = the address, request-URI = the tenant",
                        Sipvicious.svcrack(world.sipPort(), TIMEOUT, "-vv", "-u", "ann", "-d", withTheRightOne.toString(),
                                "--requesturi", "sip:" + tenant)));
        assertNothingFound(ranges);
        assertNothingFound(confusion);
        for (Sipvicious.Run run : ranges) {
            assertThat(run.distinct("trying (\\d+)")).as("passwords %s tried", run.commandLine()).hasSize(101);
        }
        for (Sipvicious.Run run : confusion) {
            assertThat(run.lines("trying " + GatewayWorld.PASSWORD)).as("%s tried the real password", run.commandLine())
                    .isEqualTo(1);
        }
        assertThat(world.bindings.find(world.id(), "ann", java.time.Instant.now())).as("no phone of ann registered")
                .isEmpty();
    }

    /** The control, last (it registers a binding for ann): the tool with ann's real password and realm gets in. */
    @Test
    @Order(7)
    void svcrackWithTheRightPasswordAndRealmGetsInSoTheRunsAboveMeanSomething() {
        Path withTheRightOne = Sipvicious.dictionary("123456", "password", GatewayWorld.PASSWORD);
        Sipvicious.Run run = record("control: crack ann with her real password, realm = the tenant",
                Sipvicious.svcrack(world.sipPort(), TIMEOUT, "-u", "ann", "-d", withTheRightOne.toString(),
                        "--domain", world.id().value()));
        assertThat(run.rows()).as(run.output()).containsExactly(List.of("ann", GatewayWorld.PASSWORD));
        world.bindings.update(world.id(), "ann", java.time.Instant.now(), change -> List.of());
    }

    /** What svwar relies on, checked directly: ann and a user who does not exist get the same answers. */
    @Test
    @Order(5)
    void theRegistrarAnswersKnownAndUnknownUsersAlike() {
        for (String transport : List.of("UDP", "TCP")) {
            RawSip.Reply known = register(transport, "ann", null);
            RawSip.Reply unknown = register(transport, "zz-nobody", null);
            assertThat(known.finalStatus()).contains(401);
            assertThat(shape(known)).isEqualTo(shape(unknown));
            String forged = "Digest username=\"%s\", realm=\"" + world.id().value() + "\", nonce=\"%s\", uri=\"sip:"
                    + world.id().value() + "\", response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5";
            String nonce = RawSip.header(known.responses().getLast(), "WWW-Authenticate").orElseThrow()
                    .replaceAll(".*nonce=\"([^\"]*)\".*", "$1");
            RawSip.Reply knownWrong = register(transport, "ann", forged.formatted("ann", nonce));
            RawSip.Reply unknownWrong = register(transport, "zz-nobody", forged.formatted("zz-nobody", nonce));
            assertThat(knownWrong.finalStatus()).contains(403);
            assertThat(shape(knownWrong)).isEqualTo(shape(unknownWrong));
            report.line("- raw REGISTER over " + transport + ": ann and zz-nobody without credentials: "
                    + known.describe() + " / " + unknown.describe() + "; with a wrong response: " + knownWrong.describe()
                    + " / " + unknownWrong.describe());
        }
    }

    @Test
    @Order(6)
    void afterTheScansTheGatewayStillServesCalls() throws Exception {
        assumeTrue(Sipp.available(), "sipp (Debian sip-tester) is installed");
        report.line("\n" + RealCall.works(world, ann, "after the scans"));
    }

    private RawSip.Reply register(String transport, String user, String authorization) {
        String domain = world.id().value();
        Req req = Req.to("REGISTER", "sip:" + domain, "<sip:" + user + "@" + domain + ">")
                .set("From", "<sip:" + user + "@" + domain + ">;tag=r{branch}").set("Expires", "60");
        if (authorization != null) req.set("Authorization", authorization);
        return transport.equals("UDP") ? RawSip.udp(world.sipPort(), req.text()) : RawSip.tcp(world.sipPort(), req.text());
    }

    /** A response's status line and header names, without the values that differ every time (tags, nonces). */
    private static String shape(RawSip.Reply reply) {
        String response = reply.responses().getLast();
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        Set<String> names = new TreeSet<>();
        for (String line : head.split("\r\n")) {
            if (line.indexOf(':') > 0 && !line.startsWith("SIP/2.0")) names.add(line.substring(0, line.indexOf(':')));
        }
        String realm = RawSip.header(response, "WWW-Authenticate").map(v -> v.replaceAll("nonce=\"[^\"]*\"", ""))
                .orElse("");
        return head.lines().findFirst().orElse("") + " " + names + " " + realm;
    }

    private static void assertNothingFound(List<Sipvicious.Run> runs) {
        for (Sipvicious.Run run : runs) {
            assertThat(run.timedOut()).as("%s timed out", run.commandLine()).isFalse();
            assertThat(run.rows()).as("%s found something:\n%s", run.commandLine(), run.output()).isEmpty();
            assertThat(run.output()).as(run.commandLine()).doesNotContain("password for", "' exists", "Traceback");
            assertThat(run.leftInHome()).as("%s left state in its HOME", run.commandLine()).isEmpty();
        }
    }

    private static Sipvicious.Run record(String what, Sipvicious.Run run) {
        report.line("### " + what + "\n\n`" + run.commandLine() + "` (exit " + run.exitCode()
                + (run.timedOut() ? ", killed at the deadline" : "") + ")\n\n```\n" + run.shortOutput() + "\n```\n");
        report.line("rows: " + run.rows() + (run.leftInHome().isEmpty() ? "" : "; left in HOME: " + run.leftInHome()) + "\n");
        return run;
    }
}
