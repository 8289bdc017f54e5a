package io.callisto.gateway.call;

import static io.callisto.gateway.call.SipCallIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.acd.AgentState;
import io.callisto.core.calls.CallRecord;
import io.callisto.gateway.SipGatewayConfig;
import io.callisto.gateway.sipp.RtpEndpoint;
import io.callisto.gateway.sipp.Sipp;
import io.callisto.gateway.sipp.SippProcess;
import io.callisto.gateway.sipp.SippResult;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attended transfer begun on a softphone (stand-in softphones, see {@link FakeSoftphones}; a real SIP edge, relay and
 * sipp): the agent's media moves to a consultation and back keeping one stream (one SSRC heard throughout), the caller
 * is held meanwhile, and completing hands the caller to the colleague, on a softphone (whose media moves) or a SIP
 * phone (re-INVITEd onto the customer's relay). Cancelling brings the agent back to the caller.
 */
class SoftphoneConsultationIT {
    private final FakeSoftphones softphones = new FakeSoftphones();
    private GatewayWorld world;

    @BeforeEach
    void start() throws Exception {
        world = new GatewayWorld(SipGatewayConfig.DEFAULT_RTP_TIMEOUT, null, softphones);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aSoftphoneAgentConsultsAColleaguesSipPhoneThenHandsThemTheCaller() throws Exception {
        String ann = world.agent("ann");
        String bob = world.agent("bob");
        FakeSoftphones.Phone annPhone = softphones.connect(ann);
        try (SippProcess bobPhone = Sipp.scenario("agent_register.xml").remote("127.0.0.1", world.gateway.sipPort())
                .set("user", "bob").set("domain", world.id().value()).set("calls", 1).auth("bob", GatewayWorld.PASSWORD)
                .authUri(world.id().value()).outOfCall("agent_answer_echo.xml").rtpEndpoint(RtpEndpoint.Mode.ECHO)
                .timeout(Duration.ofSeconds(90)).start()) {
            assertThat(bobPhone.awaitRegistered(Duration.ofSeconds(20))).as("bob registered").isTrue();
            world.away(bob);
            world.available(ann);
            try (SippProcess carrier = carrier()) {
                FakeSoftphones.Leg annLeg = answered(annPhone);
                assertThat(annLeg.events().consult(bob)).as("consulting bob").isTrue();
                assertThat(annPhone.consult).isEqualTo(bob + " ringing");
                await("bob's phone answered", () -> (bob + " connected").equals(annPhone.consult));
                long heard = annPhone.heard();
                await("bob's echo of ann at ann", () -> annPhone.heard() > heard + 50);
                assertThat(annPhone.ssrcsHeard()).as("one stream throughout").hasSize(1);
                assertThat(annLeg.events().transfer(null, bob)).as("no blind transfer during a consultation").isFalse();

                long atCarrier = carrier.rtp().packets();
                assertThat(annLeg.events().completeTransfer()).isTrue();
                assertThat(annPhone.ended.poll(40, TimeUnit.SECONDS)).isEqualTo("transferred");
                await("the interaction is bob's", () -> world.stateOf(bob) == AgentState.BUSY);
                await("bob's echo of the caller at the carrier", () -> carrier.rtp().packets() > atCarrier + 50);
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
            }
            CallRecord record = recordOfTheCall();
            assertThat(record.agentId()).isEqualTo(bob);
            assertThat(record.holdSeconds()).as("held while ann consulted").isPositive();
            assertThat(world.stateOf(ann)).isIn(AgentState.WRAP_UP, AgentState.AVAILABLE);
            noneLeft();
        }
    }

    @Test
    void aConsultationCancelledGoesBackToTheCallerAndASecondOneHandsThemToTheColleaguesSoftphone() throws Exception {
        String ann = world.agent("ann");
        String bob = world.agent("bob");
        FakeSoftphones.Phone annPhone = softphones.connect(ann);
        FakeSoftphones.Phone bobPhone = softphones.connect(bob);
        world.away(bob);
        world.available(ann);
        try (SippProcess carrier = carrier()) {
            FakeSoftphones.Leg annLeg = answered(annPhone);
            assertThat(annLeg.events().consult(ann)).as("not oneself").isFalse();
            assertThat(annLeg.events().consult("nobody")).as("not a stranger").isFalse();
            assertThat(annLeg.events().completeTransfer()).as("nothing to complete").isFalse();

            consultBob(annLeg, annPhone, bobPhone, bob);
            assertThat(annLeg.events().cancelConsult()).isTrue();
            assertThat(bobPhone.ended.poll(10, TimeUnit.SECONDS)).isEqualTo("hangup");
            assertThat(annPhone.consult).isEqualTo("over");
            long heard = annPhone.heard();
            await("the caller at ann again", () -> annPhone.heard() > heard + 50);
            assertThat(annPhone.ssrcsHeard()).as("one stream throughout").hasSize(1);

            BrowserAgents.Ring consultation = consultBob(annLeg, annPhone, bobPhone, bob);
            long bobHeard = bobPhone.heard();
            assertThat(annLeg.events().completeTransfer()).isTrue();
            assertThat(annPhone.ended.poll(10, TimeUnit.SECONDS)).isEqualTo("transferred");
            await("the interaction is bob's", () -> world.stateOf(bob) == AgentState.BUSY);
            await("the caller at bob", () -> bobPhone.heard() > bobHeard + 50);
            assertThat(bobPhone.ssrcsHeard()).as("bob too hears one stream").hasSize(1);
            assertThat(bobPhone.leg().ring().bridge()).as("bob's media on the customer's relay")
                    .isNotSameAs(consultation.bridge());
            assertThat(consultation.bridge().isClosed()).as("the consultation's relay closed").isTrue();
            SippResult call = carrier.await(Duration.ofSeconds(60));
            assertThat(call.isSuccess()).as(call.screen()).isTrue();
            assertThat(bobPhone.ended.poll(10, TimeUnit.SECONDS)).as("the caller hung up").isEqualTo("hangup");
        }
        assertThat(recordOfTheCall().agentId()).isEqualTo(bob);
        noneLeft();
    }

    /**
     * The caller hangs up: the softphone hears the call ended only once the ACD has completed the interaction, so that
     * the wrap-up's disposition the page sends at once finds it completed (it would otherwise complete the live
     * interaction itself, and the agent's wrap-up would run its full time).
     */
    @Test
    void theSoftphoneHearsTheEndOnlyOnceTheAcdCompletedTheInteraction() throws Exception {
        String ann = world.agent("ann");
        FakeSoftphones.Phone annPhone = softphones.connect(ann);
        java.util.concurrent.CompletableFuture<Boolean> liveAtHangUp = new java.util.concurrent.CompletableFuture<>();
        annPhone.onHungUp = ring -> liveAtHangUp.complete(
                world.live.snapshot(world.id()).interaction(ring.callId()).isPresent());
        world.available(ann);
        try (SippProcess carrier = Sipp.scenario("carrier_call_bye.xml").remote("127.0.0.1", world.gateway.sipPort())
                .service(GatewayWorld.NUMBER).rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(60))
                .set("plays", 2).set("talk_ms", 1000).start()) {
            answered(annPhone);
            assertThat(carrier.await(Duration.ofSeconds(40)).isSuccess()).isTrue();
        }
        assertThat(liveAtHangUp.get(10, TimeUnit.SECONDS)).as("the interaction still live when the phone heard the end")
                .isFalse();
        noneLeft();
    }

    /**
     * A call ann's softphone dialled: her media comes up at once, the customer (sipp behind a carrier trunk) answers,
     * and once connected she consults bob's softphone and hands the customer to him, as she would a call the ACD
     * delivered. Bob's softphone then shows the customer; his hang-up ends the customer's call.
     */
    @Test
    void aCallTheSoftphoneDialledIsHandedToAColleagueAfterAConsultation() throws Exception {
        String ann = world.agent("ann");
        String bob = world.agent("bob");
        FakeSoftphones.Phone annPhone = softphones.connect(ann);
        FakeSoftphones.Phone bobPhone = softphones.connect(bob);
        try (SippProcess customer = world.talkingCustomer()) {
            String trunk = world.outboundNumber(customer.sipPort());
            world.away(bob);
            world.available(ann);
            String callId = world.gateway.outbound().dial(world.id(), ann, "+15559990007", "+15558880000", null);
            FakeSoftphones.Leg annLeg = answered(annPhone);
            assertThat(annLeg.ring().direction()).isEqualTo(BrowserAgents.Direction.OUTBOUND);
            consultBob(annLeg, annPhone, bobPhone, bob);
            long bobHeard = bobPhone.heard();
            assertThat(annLeg.events().completeTransfer()).isTrue();
            assertThat(annPhone.ended.poll(10, TimeUnit.SECONDS)).isEqualTo("transferred");
            await("the interaction is bob's", () -> world.stateOf(bob) == AgentState.BUSY);
            await("the customer at bob", () -> bobPhone.heard() > bobHeard + 50);
            assertThat(bobPhone.leg().ring().from()).as("bob is shown the customer").isEqualTo("+15559990007");
            bobPhone.leg().events().hungUp();
            SippResult call = customer.await(Duration.ofSeconds(30));
            assertThat(call.isSuccess()).as("bob's hang-up ended the customer's call: " + call.screen()).isTrue();
            CallRecord record = recordOfTheCall();
            assertThat(record.id()).isEqualTo(callId);
            assertThat(record.trunkId()).isEqualTo(trunk);
            assertThat(record.direction()).isEqualTo(io.callisto.core.calls.CallDirection.OUTBOUND);
            assertThat(record.from()).isEqualTo("+15558880000");
            assertThat(record.agentId()).isEqualTo(bob);
            assertThat(record.holdSeconds()).as("held while ann consulted").isPositive();
        }
        noneLeft();
    }

    /**
     * A call ann's softphone dialled, transferred blind to her queue once the customer answered: ann's call ends as
     * transferred, the ACD offers the call to bob (available in that queue), his softphone answers and hears the
     * customer, and his hang-up ends the customer's call; one OUTBOUND record, in bob's name.
     */
    @Test
    void aCallTheSoftphoneDialledIsTransferredBlindToTheQueue() throws Exception {
        String ann = world.agent("ann");
        String bob = world.agent("bob");
        FakeSoftphones.Phone annPhone = softphones.connect(ann);
        FakeSoftphones.Phone bobPhone = softphones.connect(bob);
        try (SippProcess customer = world.talkingCustomer()) {
            world.outboundNumber(customer.sipPort());
            world.available(ann);
            String callId = world.gateway.outbound().dial(world.id(), ann, "+15559990008",
                    GatewayWorld.OUTBOUND_NUMBER, null);
            FakeSoftphones.Leg annLeg = answered(annPhone);
            world.available(bob);
            world.away(ann); // so that the queue offers the call to bob, not back to her
            assertThat(annLeg.events().transfer(world.queueId, null)).as("blind to the queue").isTrue();
            assertThat(annPhone.ended.poll(10, TimeUnit.SECONDS)).isEqualTo("transferred");
            BrowserAgents.Ring offer = bobPhone.rings.poll(20, TimeUnit.SECONDS);
            assertThat(offer).as("the ACD offered the call to bob").isNotNull();
            assertThat(offer.callId()).isEqualTo(callId);
            assertThat(offer.from()).as("bob sees the customer").isEqualTo("+15559990008");
            assertThat(offer.direction()).isEqualTo(BrowserAgents.Direction.INBOUND);
            bobPhone.leg().answer();
            await("the customer at bob", () -> bobPhone.heard() > 50);
            await("bob has it", () -> world.stateOf(bob) == AgentState.BUSY);
            bobPhone.leg().events().hungUp();
            SippResult call = customer.await(Duration.ofSeconds(30));
            assertThat(call.isSuccess()).as("bob's hang-up ended the customer's call: " + call.screen()).isTrue();
            CallRecord record = recordOfTheCall();
            assertThat(record.id()).isEqualTo(callId);
            assertThat(record.direction()).isEqualTo(io.callisto.core.calls.CallDirection.OUTBOUND);
            assertThat(record.agentId()).isEqualTo(bob);
        }
        noneLeft();
    }

    private BrowserAgents.Ring consultBob(FakeSoftphones.Leg annLeg, FakeSoftphones.Phone annPhone, FakeSoftphones.Phone bobPhone,
                            String bob) throws InterruptedException {
        assertThat(annLeg.events().consult(bob)).as("consulting bob").isTrue();
        BrowserAgents.Ring ring = bobPhone.rings.poll(10, TimeUnit.SECONDS);
        assertThat(ring).isNotNull();
        assertThat(ring.direction()).isEqualTo(BrowserAgents.Direction.CONSULTATION);
        assertThat(ring.from()).as("who consults").isEqualTo(annLeg.ring().agentId());
        assertThat(world.live.snapshot(world.id()).agent(bob).orElseThrow().state()).isEqualTo(AgentState.AWAY);
        bobPhone.leg().answer();
        await("bob connected", () -> (bob + " connected").equals(annPhone.consult));
        long annHeard = annPhone.heard();
        long bobHeard = bobPhone.heard();
        await("bob at ann", () -> annPhone.heard() > annHeard + 50);
        await("ann at bob", () -> bobPhone.heard() > bobHeard + 50);
        return ring;
    }

    private FakeSoftphones.Leg answered(FakeSoftphones.Phone phone) throws InterruptedException {
        BrowserAgents.Ring ring = phone.rings.poll(20, TimeUnit.SECONDS);
        assertThat(ring).as("the softphone rang").isNotNull();
        FakeSoftphones.Leg leg = phone.leg();
        leg.answer();
        await("the caller's audio at the softphone", () -> phone.heard() > 50);
        return leg;
    }

    private SippProcess carrier() {
        return Sipp.scenario("carrier_call_bye.xml").remote("127.0.0.1", world.gateway.sipPort())
                .service(GatewayWorld.NUMBER).rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(120))
                .set("plays", 5).set("talk_ms", 3000).start();
    }

    private CallRecord recordOfTheCall() throws InterruptedException {
        await("the call's record", () -> !world.callRecords().isEmpty());
        return world.callRecords().getFirst();
    }

    private void noneLeft() throws InterruptedException {
        await("no call left", () -> world.gateway.calls().active() == 0);
        await("the relay's ports back", () -> world.relay.ports().used() == 0);
    }
}
