package io.callisto.gateway.sipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callisto.gateway.sipp.Sipp.Transport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Self-test of the sipp harness and the scenarios, without the gateway: the carrier (UAC) scenarios call the
 * agent (UAS) scenarios directly on 127.0.0.1, and the agent's REGISTER goes to a stand-in registrar.
 * Skipped when sipp is not installed.
 */
class SippHarnessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NUMBER = "+15551230000";

    @BeforeAll
    static void sippInstalled() {
        assumeTrue(Sipp.available(), "sipp is not installed at " + Sipp.BINARY);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void callerHangsUpAndRtpFlowsBothWays(Transport transport) {
        try (SippProcess agent = Sipp.scenario("agent_answer_echo.xml").transport(transport)
                .rtpEndpoint(RtpEndpoint.Mode.ECHO).set("user", "alice").start();
             SippProcess carrier = Sipp.scenario("carrier_call_bye.xml").transport(transport).remote(agent.sipPort())
                     .service(NUMBER).set("talk_ms", 1500).rtpEndpoint(RtpEndpoint.Mode.SINK).start()) {
            SippResult call = carrier.await();
            SippResult answer = agent.await();

            assertSuccess(call);
            assertSuccess(answer);
            SipMessage invite = answer.receivedRequests("INVITE").getFirst();
            assertThat(invite.requestUri()).isEqualTo("sip:" + NUMBER + "@127.0.0.1:" + agent.sipPort());
            assertThat(invite.body()).contains("m=audio " + (carrier.mediaPort() + 4) + " RTP/AVP 8 0 101");
            assertThat(call.receivedResponses(200).getFirst().header("Contact")).hasValueSatisfying(
                    contact -> assertThat(contact).contains("sip:alice@127.0.0.1:" + agent.sipPort()));
            // carrier pcap -> agent's echo endpoint -> back to the carrier's endpoint
            assertThat(agent.rtp().packets(8)).as(agent.rtp().toString()).isGreaterThan(10);
            assertThat(agent.rtp().echoed()).isEqualTo(agent.rtp().packets());
            assertThat(carrier.rtp().packets(8)).as(carrier.rtp().toString()).isGreaterThan(10);
            assertThat(carrier.rtp().ssrcs()).containsExactly(0xdee0ee8fL);
            assertThat(call.rtpPcapPacketsSent()).isGreaterThan(10);
        }
    }

    @Test
    void sippsOwnEchoIsCountedInTheScreenDump() {
        try (SippProcess agent = Sipp.scenario("agent_answer_echo.xml").rtpEcho().start();
             SippProcess carrier = Sipp.scenario("carrier_call_bye.xml").remote(agent.sipPort()).service(NUMBER)
                     .set("talk_ms", 1500).rtpEndpoint(RtpEndpoint.Mode.SINK).start()) {
            SippResult call = carrier.await();
            SippResult answer = agent.await();

            assertSuccess(call);
            assertSuccess(answer);
            assertThat(answer.receivedRequests("INVITE")).hasSize(1);
            assertThat(call.receivedResponses(200).getFirst().body()).contains("m=audio " + agent.mediaPort() + " ");
            assertThat(answer.rtpEchoPackets()).isGreaterThan(10);
            assertThat(carrier.rtp().packets(8)).isGreaterThan(10);
        }
    }

    @Test
    void calleeHangsUp() {
        try (SippProcess agent = Sipp.scenario("agent_answer_then_bye.xml").rtpEndpoint(RtpEndpoint.Mode.ECHO)
                .set("talk_ms", 1000).start();
             SippProcess carrier = Sipp.scenario("carrier_call_wait_bye.xml").remote(agent.sipPort()).service(NUMBER)
                     .rtpEndpoint(RtpEndpoint.Mode.SINK).start()) {
            SippResult call = carrier.await();
            SippResult answer = agent.await();

            assertSuccess(call);
            assertSuccess(answer);
            SipMessage bye = call.receivedRequests("BYE").getFirst();
            assertThat(bye.requestUri()).isEqualTo("sip:+15550000001@127.0.0.1:" + carrier.sipPort() + ";transport=UDP");
            assertThat(bye.header("To").orElseThrow()).contains("tag=");
            assertThat(bye.header("From").orElseThrow()).contains(NUMBER);
            assertThat(agent.rtp().packets()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void callerAbandonsWhileRinging(Transport transport) {
        try (SippProcess agent = Sipp.scenario("agent_no_answer.xml").transport(transport).start();
             SippProcess carrier = Sipp.scenario("carrier_call_cancel.xml").transport(transport).remote(agent.sipPort())
                     .service(NUMBER).set("cancel_after_ms", 300).start()) {
            SippResult call = carrier.await();
            SippResult answer = agent.await();

            assertSuccess(call);
            assertSuccess(answer);
            SipMessage cancel = answer.receivedRequests("CANCEL").getFirst();
            SipMessage invite = answer.receivedRequests("INVITE").getFirst();
            assertThat(cancel.header("Via")).isEqualTo(invite.header("Via"));
            assertThat(call.receivedResponses(487)).hasSize(1);
            assertThat(answer.receivedRequests("ACK")).hasSize(1);
        }
    }

    @Test
    void expectedErrorPassesAndAnyOtherFails() {
        try (SippProcess agent = Sipp.scenario("agent_busy.xml").calls(2).start()) {
            SippResult busy = Sipp.scenario("carrier_call_expect_error.xml").remote(agent.sipPort()).service(NUMBER)
                    .set("expected_status", 486).run();
            SippResult notFound = Sipp.scenario("carrier_call_expect_error.xml").remote(agent.sipPort()).service(NUMBER)
                    .set("expected_status", 404).run();

            assertSuccess(busy);
            assertThat(notFound.isSuccess()).as(notFound.describe()).isFalse();
            assertThat(notFound.exitCode()).isEqualTo(1);
            assertThat(notFound.stat("FailedStrcmpDoesntMatch(C)")).hasValue(1);
            assertThat(notFound.sent().getLast().method()).isEqualTo("ACK");
            assertSuccess(agent.await());
        }
    }

    @Test
    void registersWithDigestAndUnregisters() {
        try (SippProcess registrar = Sipp.scenario("fake_registrar.xml").set("password", "s3cret").start()) {
            SippResult register = Sipp.scenario("agent_register.xml").remote(registrar.sipPort())
                    .auth("alice", "s3cret").authUri("tenant-1").set("user", "alice").set("domain", "tenant-1")
                    .set("unregister", 1).run();
            SippResult registrarRun = registrar.await();

            assertSuccess(register);
            assertSuccess(registrarRun);
            List<SipMessage> registers = registrarRun.receivedRequests("REGISTER");
            assertThat(registers).hasSize(3);
            assertThat(registers.getFirst().requestUri()).isEqualTo("sip:tenant-1");
            assertThat(registers.getFirst().header("Authorization")).isEmpty();
            assertThat(registers.get(1).header("Authorization").orElseThrow())
                    .contains("username=\"alice\"", "realm=\"sipp-fake\"", "uri=\"sip:tenant-1\"");
            assertThat(registers.get(1).header("Contact").orElseThrow())
                    .isEqualTo("<sip:alice@127.0.0.1:" + register.command().get(register.command().indexOf("-p") + 1)
                            + ";transport=UDP>");
            assertThat(registers.get(2).header("Expires")).hasValue("0");
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        try (SippProcess registrar = Sipp.scenario("fake_registrar.xml").set("password", "s3cret").start()) {
            SippResult register = Sipp.scenario("agent_register_rejected.xml").remote(registrar.sipPort())
                    .auth("alice", "wrong").set("user", "alice").run();

            assertSuccess(register);
            assertThat(register.receivedResponses(403)).hasSize(1);
            assertSuccess(registrar.await());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void registeredAgentAnswersOnTheSameSocket(Transport transport) {
        try (SippProcess registrar = Sipp.scenario("fake_registrar.xml").transport(transport).start();
             SippProcess agent = Sipp.scenario("agent_register.xml").outOfCall("agent_answer_echo.xml")
                     .transport(transport).remote(registrar.sipPort()).auth("bob", "pw").set("user", "bob")
                     .set("calls", 1).set("unregister", 1).rtpEndpoint(RtpEndpoint.Mode.ECHO).start()) {
            assertThat(agent.awaitRegistered(WAIT)).as("agent registered").isTrue();

            SippResult call = Sipp.scenario("carrier_call_bye.xml").transport(transport).remote(agent.sipPort())
                    .service(NUMBER).set("talk_ms", 1000).rtpEndpoint(RtpEndpoint.Mode.SINK).run();
            SippResult phone = agent.await();

            assertSuccess(call);
            assertSuccess(phone);
            assertSuccess(registrar.await());
            assertThat(phone.receivedRequests("INVITE")).hasSize(1);
            assertThat(phone.receivedRequests("BYE")).hasSize(1);
            assertThat(phone.sent().getLast().method()).isEqualTo("REGISTER");
            assertThat(agent.rtp().packets(8)).isGreaterThan(5);
            assertThat(call.rtp().packets(8)).as("echoed back to the carrier").isGreaterThan(5);
        }
    }

    @Test
    void holdAndResume() {
        try (SippProcess agent = Sipp.scenario("agent_answer_echo.xml").rtpEndpoint(RtpEndpoint.Mode.ECHO).start();
             SippProcess carrier = Sipp.scenario("carrier_hold.xml").remote(agent.sipPort()).service(NUMBER)
                     .set("hold_after_ms", 500).set("held_ms", 500).set("talk_ms", 500).start()) {
            SippResult call = carrier.await();
            SippResult answer = agent.await();

            assertSuccess(call);
            assertSuccess(answer);
            List<SipMessage> invites = answer.receivedRequests("INVITE");
            assertThat(invites).hasSize(3);
            assertThat(invites.get(1).body()).contains("a=sendonly");
            assertThat(invites.get(2).body()).contains("a=sendrecv");
            assertThat(call.logs()).contains("hold answered a=recvonly");
        }
    }

    @Test
    void dtmfDigitsArrive() {
        try (SippProcess agent = Sipp.scenario("agent_answer_echo.xml").rtpEndpoint(RtpEndpoint.Mode.ECHO).start();
             SippProcess carrier = Sipp.scenario("carrier_dtmf.xml").remote(agent.sipPort()).service(NUMBER)
                     .set("pre_dtmf_ms", 300).set("post_dtmf_ms", 300).rtpEndpoint(RtpEndpoint.Mode.SINK).start()) {
            SippResult call = carrier.await();
            SippResult answer = agent.await();

            assertSuccess(call);
            assertSuccess(answer);
            assertThat(agent.rtp().digits()).isEqualTo("123#");
            assertThat(agent.rtp().packets(101)).isEqualTo(40);
            assertThat(carrier.rtp().digits()).isEqualTo("123#");
        }
    }

    @Test
    void blindTransferWithReferAndNotify() {
        try (SippProcess transferee = Sipp.scenario("fake_transferee.xml").rtpEndpoint(RtpEndpoint.Mode.ECHO).start();
             SippProcess carrier = Sipp.scenario("carrier_refer.xml").remote(transferee.sipPort()).service(NUMBER)
                     .set("talk_ms", 500).set("refer_to", "sip:+15559990000@127.0.0.1").start()) {
            SippResult call = carrier.await();
            SippResult far = transferee.await();

            assertSuccess(call);
            assertSuccess(far);
            assertThat(far.receivedRequests("REFER").getFirst().header("Refer-To"))
                    .hasValue("<sip:+15559990000@127.0.0.1>");
            assertThat(call.receivedRequests("NOTIFY")).hasSize(2);
            assertThat(call.logs()).contains("transfer progress: SIP/2.0 100 Trying", "transfer progress: SIP/2.0 200 OK");
            assertThat(call.receivedRequests("BYE")).hasSize(1);
        }
    }

    @Test
    void probesSeeAnOptionsResponderButNoExtensions() {
        try (SippProcess responder = Sipp.scenario("agent_answer_echo.xml").calls(3).timeout(Duration.ofSeconds(40)).start();
             SippProcess registrar = Sipp.scenario("fake_registrar.xml").calls(20).timeout(Duration.ofSeconds(40)).start()) {
            SipProbe.Result ping = SipProbe.sipsakOptions(responder.sipPort(), Duration.ofSeconds(10));
            SipProbe.ScanResult map = SipProbe.svmap(responder.sipPort(), Duration.ofSeconds(20));
            SipProbe.ScanResult war = SipProbe.svwar(registrar.sipPort(), "100-110", Duration.ofSeconds(20));

            assertThat(ping.exitCode()).as(ping.toString()).isZero();
            assertThat(ping.output()).contains("SIP/2.0 200 OK");
            assertThat(map.rows()).as(map.toString()).hasSize(1);
            assertThat(map.rows().getFirst().getFirst()).isEqualTo("127.0.0.1:" + responder.sipPort());
            assertThat(war.rows()).as(war.toString()).isEmpty();
            assertThat(war.foundNothing()).isTrue();
        }
    }

    private static void assertSuccess(SippResult result) {
        assertThat(result.isSuccess()).as(result.describe()).isTrue();
    }
}
