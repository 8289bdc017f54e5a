package io.callisto.gateway.call;

import static io.callisto.gateway.call.SipCallIT.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.callisto.core.acd.AgentState;
import io.callisto.core.calls.CallDisposition;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.HangupSide;
import io.callisto.gateway.sipp.RtpEndpoint;
import io.callisto.gateway.sipp.Sipp;
import io.callisto.gateway.sipp.SippProcess;
import io.callisto.gateway.sipp.SippResult;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls agents place (click-to-dial), with sipp as the agents' SIP phones and as the customer behind a carrier trunk,
 * all on loopback: the agent's phone rings first, then the customer; a call placed is an interaction of the ACD from
 * the start, transferred like any other once the customer answers, and ended with what the network said when nobody
 * answers.
 */
class OutboundCallIT {
    GatewayWorld world;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Sipp.available(), "sipp (Debian sip-tester) is installed");
        world = new GatewayWorld();
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void anAgentsClickToDialRingsTheirPhoneThenCallsOutThroughTheNumbersTrunk() throws Exception {
        String ann = world.agent("ann");
        try (SippProcess customer = Sipp.scenario("agent_answer_echo.xml").set("user", "customer")
                .rtpEndpoint(RtpEndpoint.Mode.ECHO).timeout(Duration.ofSeconds(60)).start();
             SippProcess phone = Sipp.scenario("agent_register.xml").remote("127.0.0.1", world.gateway.sipPort())
                     .set("user", "ann").set("domain", world.id().value()).set("calls", 1).set("talk_ms", 3000)
                     .auth("ann", GatewayWorld.PASSWORD).authUri(world.id().value()).outOfCall("agent_answer_then_bye.xml")
                     .rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(60)).start()) {
            assertThat(phone.awaitRegistered(Duration.ofSeconds(20))).isTrue();
            world.outboundNumber(customer.sipPort());
            world.available(ann);
            String callId = world.gateway.outbound().dial(world.id(), ann, "+15559990000", "+15558880000", null);
            assertThat(world.stateOf(ann)).as("the call is her interaction: no inbound offer rings her meanwhile")
                    .isEqualTo(AgentState.BUSY);
            SippResult customerSide = customer.await(Duration.ofSeconds(60));
            assertThat(customerSide.isSuccess()).as(customerSide.screen()).isTrue();
            io.callisto.gateway.sipp.SipMessage invite = customerSide.receivedRequests("INVITE").getFirst();
            assertThat(invite.header("From").orElseThrow()).contains("+15558880000");
            assertThat(invite.header("To").orElseThrow()).contains("+15559990000");
            assertThat(phone.rtp().packets()).as("the agent heard ringback while the number rang").isGreaterThan(0);
            await("the call's record", () -> !world.callRecords().isEmpty());
            CallRecord record = world.callRecords().getFirst();
            assertThat(record.id()).isEqualTo(callId);
            assertThat(record.direction()).isEqualTo(io.callisto.core.calls.CallDirection.OUTBOUND);
            assertThat(record.disposition()).isEqualTo(CallDisposition.ANSWERED);
            assertThat(record.hangupSide()).isEqualTo(HangupSide.AGENT);
            assertThat(record.to()).isEqualTo("+15559990000");
            assertThat(record.interactionId()).isEqualTo(callId);
            assertThat(record.queueId()).as("placed for the queue she serves").isEqualTo(world.queueId);
            await("the agent available again", () -> world.stateOf(ann) == AgentState.AVAILABLE);
            assertThat(world.live.snapshot(world.id()).interactions()).isEmpty();
        }
    }

    @Test
    void aBusyCustomerEndsTheAgentsCallAndItsInteraction() throws Exception {
        String ann = world.agent("ann");
        try (SippProcess customer = Sipp.scenario("agent_busy.xml").set("user", "customer")
                .timeout(Duration.ofSeconds(60)).start();
             SippProcess phone = world.phone("ann", "agent_answer_echo.xml", 1)) {
            world.outboundNumber(customer.sipPort());
            world.away(ann);
            String callId = world.gateway.outbound().dial(world.id(), ann, "+15559990000", "+15558880000", null);
            assertThat(world.stateOf(ann)).as("away agents dial too").isEqualTo(AgentState.BUSY);
            await("the call's record", () -> !world.callRecords().isEmpty());
            CallRecord record = world.callRecords().getFirst();
            assertThat(record.id()).isEqualTo(callId);
            assertThat(record.disposition()).isEqualTo(CallDisposition.BUSY);
            assertThat(record.sipCause()).isEqualTo(486);
            assertThat(record.answeredAt()).isNull();
            assertThat(record.interactionId()).isEqualTo(callId);
            await("her presence back as it was", () -> world.stateOf(ann) == AgentState.AWAY);
            assertThat(world.live.snapshot(world.id()).interactions()).isEmpty();
            assertThat(world.gateway.outbound().active()).isZero();
            SippResult annSide = phone.await(Duration.ofSeconds(30));
            assertThat(annSide.isSuccess()).as("her phone was hung up: " + annSide.screen()).isTrue();
        }
    }

    /** A customer whose phone rings on and on: the call ends unanswered after the configured time, CANCELled. */
    @Test
    void aCustomerWhoNeverAnswersIsGivenUpOnAndTheAgentIsFree() throws Exception {
        String ann = world.agent("ann");
        world.gateway.outbound().answerTimeouts(Duration.ofSeconds(45), Duration.ofSeconds(2));
        try (SippProcess customer = Sipp.scenario("agent_no_answer.xml").set("user", "customer")
                .timeout(Duration.ofSeconds(60)).start();
             SippProcess phone = world.phone("ann", "agent_answer_echo.xml", 1)) {
            world.outboundNumber(customer.sipPort());
            world.available(ann);
            String callId = world.gateway.outbound().dial(world.id(), ann, "+15559990000", GatewayWorld.OUTBOUND_NUMBER,
                    null);
            SippResult customerSide = customer.await(Duration.ofSeconds(30));
            assertThat(customerSide.isSuccess()).as("the customer's INVITE was cancelled: " + customerSide.screen())
                    .isTrue();
            assertThat(phone.rtp().packets()).as("ann heard ringback while the customer's phone rang").isPositive();
            await("the call's record", () -> !world.callRecords().isEmpty());
            CallRecord record = world.callRecords().getFirst();
            assertThat(record.id()).isEqualTo(callId);
            assertThat(record.disposition()).isEqualTo(CallDisposition.NO_ANSWER);
            assertThat(record.sipCause()).isEqualTo(408);
            await("ann free", () -> world.stateOf(ann) == AgentState.AVAILABLE);
            assertThat(world.live.snapshot(world.id()).interactions()).isEmpty();
            assertThat(world.gateway.outbound().active()).isZero();
        }
    }

    /**
     * A call an agent placed is transferred like any other: ann's phone dials, the customer answers (sipp, talking
     * without a break), and ann's phone REFERs the call to bob. The ACD offers it to bob; his phone answers and hears
     * the customer, then hangs up, which ends the customer's call. One record: outbound, bob's, the same interaction.
     */
    @Test
    void anAgentsOutboundCallIsTransferredBlindToAColleagueWhoTalksToTheCustomer() throws Exception {
        String ann = world.agent("ann");
        String bob = world.agent("bob");
        try (SippProcess customer = world.talkingCustomer();
             SippProcess annPhone = Sipp.scenario("agent_register.xml").remote("127.0.0.1", world.gateway.sipPort())
                     .set("user", "ann").set("domain", world.id().value()).set("calls", 1)
                     .set("refer_to", "sip:bob@" + world.id().value()).set("talk_ms", 2000)
                     .auth("ann", GatewayWorld.PASSWORD).authUri(world.id().value()).outOfCall("agent_answer_refer.xml")
                     .rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(90)).start();
             SippProcess bobPhone = Sipp.scenario("agent_register.xml").remote("127.0.0.1", world.gateway.sipPort())
                     .set("user", "bob").set("domain", world.id().value()).set("calls", 1).set("talk_ms", 3000)
                     .auth("bob", GatewayWorld.PASSWORD).authUri(world.id().value()).outOfCall("agent_answer_then_bye.xml")
                     .rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(90)).start()) {
            assertThat(annPhone.awaitRegistered(Duration.ofSeconds(20))).isTrue();
            assertThat(bobPhone.awaitRegistered(Duration.ofSeconds(20))).isTrue();
            world.outboundNumber(customer.sipPort());
            world.available(ann);
            world.available(bob);
            String callId = world.gateway.outbound().dial(world.id(), ann, "+15559990000", "+15558880000",
                    world.queueId);
            SippResult annResult = annPhone.await(Duration.ofSeconds(60));
            assertThat(annResult.isSuccess()).as(annResult.screen()).isTrue();
            assertThat(annResult.receivedResponses(202)).as("the transfer was taken").hasSize(1);
            assertThat(annPhone.rtp().packets()).as("ann heard the customer before transferring").isGreaterThan(20);
            SippResult bobResult = bobPhone.await(Duration.ofSeconds(60));
            assertThat(bobResult.isSuccess()).as(bobResult.screen()).isTrue();
            assertThat(bobPhone.rtp().packets()).as("bob heard the customer").isGreaterThan(20);
            SippResult customerSide = customer.await(Duration.ofSeconds(30));
            assertThat(customerSide.isSuccess()).as("bob's hang-up ended the customer's call: " + customerSide.screen())
                    .isTrue();
            await("the call's record", () -> !world.callRecords().isEmpty());
            assertThat(world.callRecords()).hasSize(1);
            CallRecord record = world.callRecords().getFirst();
            assertThat(record.id()).isEqualTo(callId);
            assertThat(record.interactionId()).isEqualTo(callId);
            assertThat(record.direction()).isEqualTo(io.callisto.core.calls.CallDirection.OUTBOUND);
            assertThat(record.agentId()).isEqualTo(bob);
            assertThat(record.hangupSide()).isEqualTo(HangupSide.AGENT);
            assertThat(record.from()).isEqualTo("+15558880000");
            assertThat(record.to()).isEqualTo("+15559990000");
            await("both agents free", () -> world.stateOf(ann) == AgentState.AVAILABLE
                    && world.stateOf(bob) == AgentState.AVAILABLE);
            assertThat(world.live.snapshot(world.id()).interactions()).isEmpty();
            assertThat(world.gateway.calls().active()).isZero();
            assertThat(world.gateway.outbound().active()).isZero();
        }
    }
}
