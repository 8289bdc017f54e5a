package io.callisto.gateway.call;

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
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls through the gateway with sipp as the carrier and as agents' SIP phones, all on loopback: a call from the
 * carrier's trunk to a number reaches the queue, rings the registered agent's phone, and audio flows both ways
 * (counted at both ends: the carrier's audio reaches the phone, the phone's echo reaches the carrier).
 */
class SipCallIT {
    static final Duration DEFAULT_RTP_TIMEOUT = io.callisto.gateway.SipGatewayConfig.DEFAULT_RTP_TIMEOUT;
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

    SippProcess phone(String user, String scenario, int calls) {
        return world.phone(user, scenario, calls);
    }

    SippProcess carrier(String scenario, int talkMillis) {
        Sipp.Builder sipp = Sipp.scenario(scenario).remote("127.0.0.1", world.gateway.sipPort()).service(GatewayWorld.NUMBER)
                .rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(90));
        if (talkMillis > 0) {
            sipp.set("talk_ms", talkMillis);
        }
        return sipp.start();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aCarrierCallReachesTheRegisteredAgentWithAudioBothWaysAndTheCallerHangsUp() throws Exception {
        String ann = world.agent("ann");
        try (SippProcess phone = phone("ann", "agent_answer_echo.xml", 1)) {
            world.available(ann);
            try (SippProcess carrier = carrier("carrier_call_bye.xml", 4000)) {
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
                assertThat(phone.rtp().packets()).as("the carrier's audio reached the agent's phone").isGreaterThan(50);
                assertThat(carrier.rtp().packets()).as("the phone's audio reached the carrier").isGreaterThan(50);
            }
            await("the call's record", () -> !world.callRecords().isEmpty());
            CallRecord record = world.callRecords().getFirst();
            assertThat(record.disposition()).isEqualTo(CallDisposition.ANSWERED);
            assertThat(record.hangupSide()).isEqualTo(HangupSide.CALLER);
            assertThat(record.agentId()).isEqualTo(ann);
            assertThat(record.to()).isEqualTo(GatewayWorld.NUMBER);
            assertThat(record.talkSeconds()).isGreaterThanOrEqualTo(2);
            assertThat(world.stateOf(ann)).isIn(AgentState.WRAP_UP, AgentState.AVAILABLE);
            assertThat(world.gateway.calls().active()).isZero();
            await("the relay's ports back", () -> world.relay.ports().used() == 0);
        }
    }

    @Test
    @SuppressWarnings("try")
    void theAgentHangsUpAndTheCallerHearsTheBye() throws Exception {
        String ann = world.agent("ann");
        try (SippProcess phone = phone("ann", "agent_answer_then_bye.xml", 1)) {
            world.available(ann);
            try (SippProcess carrier = carrier("carrier_call_wait_bye.xml", 0)) {
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
                assertThat(call.receivedRequests("BYE")).hasSize(1);
            }
            await("the call's record", () -> !world.callRecords().isEmpty());
            assertThat(world.callRecords().getFirst().hangupSide()).isEqualTo(HangupSide.AGENT);
            assertThat(world.callRecords().getFirst().disposition()).isEqualTo(CallDisposition.ANSWERED);
        }
    }

    @Test
    void anAgentWhoDoesNotAnswerIsSkippedAndTheNextAgentAnswers() throws Exception {
        String ann = world.agent("ann");
        String bob = world.agent("bob");
        try (SippProcess annPhone = phone("ann", "agent_no_answer.xml", 1);
             SippProcess bobPhone = phone("bob", "agent_answer_echo.xml", 1)) {
            world.available(ann);
            Thread.sleep(50);
            world.available(bob);
            try (SippProcess carrier = carrier("carrier_call_bye.xml", GatewayWorld.OFFER_TIMEOUT_SECONDS * 1000 + 6000)) {
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
                assertThat(bobPhone.rtp().packets()).as("the caller's audio reached bob").isGreaterThan(20);
                assertThat(carrier.rtp().packets()).as("bob's audio reached the caller").isGreaterThan(20);
            }
            SippResult annResult = annPhone.await(Duration.ofSeconds(30));
            assertThat(annResult.receivedRequests("CANCEL")).as("ann's ringing was cancelled").hasSize(1);
            await("the call's record", () -> !world.callRecords().isEmpty());
            assertThat(world.callRecords().getFirst().agentId()).isEqualTo(bob);
            assertThat(world.stateOf(ann)).as("a missed offer sets ann away").isEqualTo(AgentState.AWAY);
        }
    }

    @Test
    void aCallerWhoHangsUpWhileQueuedAbandonsTheInteraction() throws Exception {
        try (SippProcess carrier = carrier("carrier_call_bye.xml", 1500)) {
            SippResult call = carrier.await(Duration.ofSeconds(60));
            assertThat(call.isSuccess()).as(call.screen()).isTrue();
            assertThat(carrier.rtp().packets()).as("the caller heard ringback while waiting").isGreaterThan(20);
        }
        await("the call's record", () -> !world.callRecords().isEmpty());
        assertThat(world.callRecords().getFirst().disposition()).isEqualTo(CallDisposition.ABANDONED);
        assertThat(world.live.snapshot(world.id()).interactions()).isEmpty();
    }

    @Test
    void dtmfFromTheCarrierReachesTheAgentsPhone() throws Exception {
        String ann = world.agent("ann");
        try (SippProcess phone = phone("ann", "agent_answer_echo.xml", 1)) {
            world.available(ann);
            phone.rtp().eventPayloadType(MediaPlumbing.AGENT_TELEPHONE_EVENT);
            try (SippProcess carrier = carrier("carrier_dtmf.xml", 0)) {
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
            }
            assertThat(phone.rtp().digits()).isEqualTo("123#");
        }
    }

    @Test
    @SuppressWarnings("try")
    void holdAndUnholdByTheCarrierAreAnswered() throws Exception {
        String ann = world.agent("ann");
        try (SippProcess phone = phone("ann", "agent_answer_echo.xml", 1)) {
            world.available(ann);
            try (SippProcess carrier = Sipp.scenario("carrier_hold.xml").remote("127.0.0.1", world.gateway.sipPort())
                    .service(GatewayWorld.NUMBER).rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(90))
                    .set("held_ms", 2500).start()) {
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
                assertThat(call.receivedResponses(200)).hasSizeGreaterThanOrEqualTo(3);
            }
            await("the call's record", () -> !world.callRecords().isEmpty());
            CallRecord record = world.callRecords().getFirst();
            assertThat(record.holdSeconds()).as("the time on hold").isBetween(2L, 4L);
            assertThat(record.talkSeconds()).as("talk time without the hold").isLessThan(4);
        }
    }

    @Test
    void anUnknownNumberIsRefusedWithoutACall() throws Exception {
        try (SippProcess carrier = Sipp.scenario("carrier_call_expect_error.xml").remote("127.0.0.1",
                world.gateway.sipPort()).service("+15550009999").set("expected_status", 404)
                .timeout(Duration.ofSeconds(30)).start()) {
            SippResult call = carrier.await(Duration.ofSeconds(30));
            assertThat(call.isSuccess()).as(call.screen()).isTrue();
        }
        assertThat(world.callRecords()).isEmpty();
    }

    @Test
    void aRegisterWithAWrongPasswordIsRefused() throws Exception {
        world.agent("ann");
        try (SippProcess phone = Sipp.scenario("agent_register_rejected.xml").remote("127.0.0.1", world.gateway.sipPort())
                .set("user", "ann").set("domain", world.id().value()).auth("ann", "wrong-password")
                .authUri(world.id().value()).timeout(Duration.ofSeconds(30)).start()) {
            SippResult result = phone.await(Duration.ofSeconds(30));
            assertThat(result.isSuccess()).as(result.screen()).isTrue();
            assertThat(result.receivedResponses(403)).hasSize(1);
        }
        assertThat(world.bindings.find(world.id(), "ann", Instant.now())).isEmpty();
    }

    @Test
    @SuppressWarnings("try")
    void aCallWhoseMediaStopsWithoutAByeIsEndedAndLeaksNothing() throws Exception {
        world.close();
        world = new GatewayWorld(Duration.ofSeconds(3));
        String ann = world.agent("ann");
        try (SippProcess phone = phone("ann", "agent_answer_echo.xml", 1)) {
            world.available(ann);
            try (SippProcess carrier = carrier("carrier_call_wait_bye.xml", 0)) {
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as("the gateway hung up: " + call.screen()).isTrue();
            }
            await("the call's record", () -> !world.callRecords().isEmpty());
            CallRecord record = world.callRecords().getFirst();
            assertThat(record.hangupSide()).isEqualTo(HangupSide.SYSTEM);
            assertThat(record.sipCause()).isEqualTo(408);
            await("the relay's ports back", () -> world.relay.ports().used() == 0);
            assertThat(world.gateway.calls().active()).isZero();
        }
    }

    @Test
    void anAgentTransfersTheCallBlindToAnotherAgentWhoAnswers() throws Exception {
        String ann = world.agent("ann");
        String bob = world.agent("bob");
        try (SippProcess annPhone = Sipp.scenario("agent_register.xml").remote("127.0.0.1", world.gateway.sipPort())
                .set("user", "ann").set("domain", world.id().value()).set("calls", 1)
                .set("refer_to", "sip:bob@" + world.id().value()).set("talk_ms", 1500).set("ring_ms", 100)
                .auth("ann", GatewayWorld.PASSWORD).authUri(world.id().value()).outOfCall("agent_answer_refer.xml")
                .rtpEndpoint(RtpEndpoint.Mode.ECHO).timeout(Duration.ofSeconds(90)).start();
             SippProcess bobPhone = phone("bob", "agent_answer_echo.xml", 1)) {
            assertThat(annPhone.awaitRegistered(Duration.ofSeconds(20))).isTrue();
            world.available(ann);
            try (SippProcess carrier = carrier("carrier_call_bye.xml", 8000)) {
                assertThat(annPhone.awaitReceived(m -> "INVITE".equals(m.method()), Duration.ofSeconds(20))).isPresent();
                world.available(bob);
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
                assertThat(bobPhone.rtp().packets()).as("after the transfer the caller's audio reached bob")
                        .isGreaterThan(20);
            }
            SippResult annResult = annPhone.await(Duration.ofSeconds(30));
            assertThat(annResult.isSuccess()).as(annResult.screen()).isTrue();
            assertThat(annResult.receivedResponses(202)).hasSize(1);
            await("the call's record", () -> !world.callRecords().isEmpty());
            assertThat(world.callRecords().getFirst().agentId()).isEqualTo(bob);
        }
    }

    /**
     * Attended transfer: ann (a scripted phone, two dialogs at once) answers the customer, calls bob (a sipp phone
     * echoing RTP) through the gateway, talks to him, then REFERs the customer's call to bob with Replaces naming her
     * consultation. The gateway hands the interaction to bob, re-INVITEs bob's leg onto the customer's relay, tells
     * ann the transfer succeeded and hangs up both her legs; the customer and bob then hear each other.
     */
    @Test
    void anAgentConsultsAColleagueThenTransfersTheCallerToThem() throws Exception {
        String ann = world.agent("ann");
        String bob = world.agent("bob");
        try (ScriptedPhone annPhone = ScriptedPhone.start(world.gateway.sipPort(), "ann", world.id().value(),
                GatewayWorld.PASSWORD);
             SippProcess bobPhone = phone("bob", "agent_answer_echo.xml", 1)) {
            assertThat(annPhone.register()).as("ann registered").isTrue();
            world.away(bob);
            world.available(ann);
            try (SippProcess carrier = Sipp.scenario("carrier_call_bye.xml").remote("127.0.0.1", world.gateway.sipPort())
                    .service(GatewayWorld.NUMBER).rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(90))
                    .set("plays", 3).set("talk_ms", 5000).start()) {
                ScriptedPhone.Dialog customer = annPhone.answerIncoming(Duration.ofSeconds(20));
                await("the customer's audio at ann", () -> customer.rtp().received() > 20);
                ScriptedPhone.Dialog consultation = annPhone.call("bob", Duration.ofSeconds(20));
                await("bob's echo at ann", () -> consultation.rtp().received() > 20);
                assertThat(world.gateway.calls().active()).as("the customer's call and the consultation").isEqualTo(2);
                assertThat(annPhone.referReplacing(customer, "bob", consultation)).as("REFER answered").isEqualTo(202);
                assertThat(annPhone.awaitRequest("NOTIFY", customer.callId(), Duration.ofSeconds(10)))
                        .as("ann told the transfer succeeded").hasValueSatisfying(n -> assertThat(n).contains("SIP/2.0 200"));
                assertThat(annPhone.awaitRequest("BYE", customer.callId(), Duration.ofSeconds(10))).as("ann's customer leg ended")
                        .isPresent();
                customer.rtp().close();
                assertThat(annPhone.awaitRequest("BYE", consultation.callId(), Duration.ofSeconds(10)))
                        .as("ann's consultation ended").isPresent();
                consultation.rtp().close();
                await("the interaction is bob's", () -> world.stateOf(bob) == AgentState.BUSY);
                long echoedBefore = carrier.rtp().packets();
                await("bob's echo of the customer reaches the customer", () -> carrier.rtp().packets() > echoedBefore + 50);
                assertThat(bobPhone.rtp().ssrcs()).as("bob heard ann's relay, then the customer's")
                        .hasSizeGreaterThanOrEqualTo(2);
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
            }
            await("the call's record", () -> !world.callRecords().isEmpty());
            CallRecord record = world.callRecords().getFirst();
            assertThat(record.agentId()).isEqualTo(bob);
            assertThat(record.disposition()).isEqualTo(CallDisposition.ANSWERED);
            assertThat(world.stateOf(ann)).isIn(AgentState.WRAP_UP, AgentState.AVAILABLE);
            await("no call left", () -> world.gateway.calls().active() == 0);
            await("the relay's ports back", () -> world.relay.ports().used() == 0);
        }
    }

    @Test
    void callersOfASuspendedTenantHearTheMessageAndAreNotQueued() throws Exception {
        world.store.runInTenant(world.id(), () -> world.store.tenants().update(world.store.tenants().find(world.id())
                .orElseThrow().withStatus(io.callisto.core.tenant.TenantStatus.SUSPENDED, Instant.now())));
        try (SippProcess carrier = carrier("carrier_call_wait_bye.xml", 0)) {
            SippResult call = carrier.await(Duration.ofSeconds(60));
            assertThat(call.isSuccess()).as("answered, then hung up by the gateway: " + call.screen()).isTrue();
            assertThat(carrier.rtp().packets()).as("the caller heard the message").isGreaterThan(20);
        }
        assertThat(world.live.snapshot(world.id()).interactions()).isEmpty();
        await("the call's record", () -> !world.callRecords().isEmpty());
        assertThat(world.callRecords().getFirst().disposition()).isEqualTo(CallDisposition.REFUSED);
        await("the relay's ports back", () -> world.relay.ports().used() == 0);
    }

    @Test
    void aQueueThatRecordsCallsGetsAStereoWavOfBothDirections() throws Exception {
        new io.callisto.core.queue.QueueService(world.store, world.store.queues(), world.store.agents(), world.live,
                world.clock).update(world.admin, world.queueId, new io.callisto.core.queue.QueueService.QueueInput(null,
                null, null, null, null, null, false, null, null, null, null, null, true));
        String ann = world.agent("ann");
        try (SippProcess phone = phone("ann", "agent_answer_echo.xml", 1)) {
            world.available(ann);
            try (SippProcess carrier = carrier("carrier_call_bye.xml", 3000)) {
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
                assertThat(phone.rtp().packets()).isGreaterThan(50);
            }
            await("the call's record", () -> !world.callRecords().isEmpty());
            CallRecord record = world.callRecords().getFirst();
            assertStereoWavWithSound(record, 2 * 8000 * 4);
        }
    }

    /** The record's recording: a stereo 8 kHz WAV with more than {@code minDataBytes} of audio, sound in both channels. */
    void assertStereoWavWithSound(CallRecord record, int minDataBytes) throws java.io.IOException {
        assertThat(record.recording()).as("the record lists its recording").isNotNull();
        java.nio.file.Path wav = world.recordings.find(world.id(), record.recording()).orElseThrow();
        byte[] bytes = java.nio.file.Files.readAllBytes(wav);
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(8000);
        int dataBytes = header.getInt(40);
        assertThat(dataBytes).as("enough stereo 16-bit audio").isGreaterThan(minDataBytes);
        long left = 0;
        long right = 0;
        for (int at = 44; at + 4 <= 44 + dataBytes && at + 4 <= bytes.length; at += 4) {
            left += Math.abs(header.getShort(at));
            right += Math.abs(header.getShort(at + 2));
        }
        assertThat(left).as("the caller's channel has sound").isGreaterThan(0);
        assertThat(right).as("the agent's channel has sound").isGreaterThan(0);
    }

    /**
     * Per-call recording on demand (the queue records nothing): started while the agent talks, stopped, refused to
     * start again; only the agent on the call (or a supervisor: no agent named) may; the record lists the WAV.
     */
    @Test
    @SuppressWarnings("try")
    void aCallIsRecordedOnDemandWhileConnected() throws Exception {
        String ann = world.agent("ann");
        String bob = world.agent("bob");
        io.callisto.core.calls.LiveCallRecording edge = world.gateway.recordings();
        try (SippProcess phone = phone("ann", "agent_answer_echo.xml", 1)) {
            world.available(ann);
            try (SippProcess carrier = carrier("carrier_call_bye.xml", 6000)) {
                await("ann is on the call", () -> world.stateOf(ann) == AgentState.BUSY);
                String callId = world.live.snapshot(world.id()).interactions().iterator().next().id();
                assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                        io.callisto.core.error.CallistoException.class, () -> edge.record(world.id(), callId, bob, true))
                        .code()).as("another agent learns nothing").isEqualTo("not-found");
                assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                        io.callisto.core.error.CallistoException.class, () -> edge.record(
                                new io.callisto.core.ids.TenantId("t-other"), callId, null, true)).code())
                        .as("another tenant learns nothing").isEqualTo("not-found");
                assertThat(edge.record(world.id(), callId, ann, true)).isTrue();
                assertThat(edge.record(world.id(), callId, null, true)).as("already recording").isTrue();
                Thread.sleep(2_500);
                assertThat(edge.record(world.id(), callId, null, false)).isFalse();
                assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                        io.callisto.core.error.CallistoException.class, () -> edge.record(world.id(), callId, ann, true))
                        .code()).isEqualTo("recording-finished");
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
            }
            await("the call's record", () -> !world.callRecords().isEmpty());
            assertStereoWavWithSound(world.callRecords().getFirst(), 8000 * 4);
        }
    }

    static final String PBX_NUMBER = "+15557770000";

    /** A PBX trunk that authenticates with digest (its address, 127.0.0.1, is not among its allowed ones). */
    void pbxTrunk() {
        String trunk = new io.callisto.core.telephony.TrunkService(world.store, world.store.trunks(), world.clock)
                .create(world.admin, new io.callisto.core.telephony.TrunkService.TrunkInput("Office PBX", "PBX",
                        "192.0.2.20", 5060, "UDP", "pbx1", "Pbx-Secret-9", false, null, java.util.List.of("192.0.2.0/24"),
                        java.util.List.of(), null, 10, true, java.util.Set.of())).id();
        new io.callisto.core.telephony.NumberService(world.store, world.store.numbers(), world.store.trunks(),
                world.store.queues(), world.clock).create(world.admin, new io.callisto.core.telephony.NumberService
                .NumberInput(PBX_NUMBER, null, trunk, new io.callisto.core.telephony.NumberService.TargetInput("QUEUE",
                        world.queueId, null), java.util.Set.of()));
    }

    SippProcess pbxCall(String password) {
        return Sipp.scenario("pbx_call_digest.xml").remote("127.0.0.1", world.gateway.sipPort()).service(PBX_NUMBER)
                .auth("pbx1", password).authUri(world.id().value()).set("talk_ms", 2000)
                .rtpEndpoint(RtpEndpoint.Mode.SINK).timeout(Duration.ofSeconds(60)).start();
    }

    @Test
    @SuppressWarnings("try")
    void aPbxTrunkAuthenticatesWithDigestAndAWrongPasswordPlacesNoCall() throws Exception {
        pbxTrunk();
        String ann = world.agent("ann");
        try (SippProcess phone = phone("ann", "agent_answer_echo.xml", 1)) {
            world.available(ann);
            try (SippProcess wrong = pbxCall("not-the-password")) {
                SippResult refused = wrong.await(Duration.ofSeconds(60));
                assertThat(refused.isSuccess()).isFalse();
                assertThat(refused.receivedResponses(403)).hasSize(1);
            }
            assertThat(world.live.snapshot(world.id()).interactions()).isEmpty();
            try (SippProcess pbx = pbxCall("Pbx-Secret-9")) {
                SippResult call = pbx.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as(call.screen()).isTrue();
                assertThat(call.receivedResponses(407)).hasSize(1);
                assertThat(pbx.rtp().packets()).as("the agent's audio reached the PBX").isGreaterThan(20);
            }
        }
    }

    @Test
    void aTrunkThatRegistersAnswersTheCarriersChallengeAndStaysRegistered() throws Exception {
        try (SippProcess carrier = Sipp.scenario("fake_registrar.xml").set("realm", "carrier.test")
                .set("password", "Trunk-Pass-1").timeout(Duration.ofSeconds(60)).start()) {
            String trunk = new io.callisto.core.telephony.TrunkService(world.store, world.store.trunks(), world.clock)
                    .create(world.admin, new io.callisto.core.telephony.TrunkService.TrunkInput("Registering carrier",
                            "CARRIER", "127.0.0.1", carrier.sipPort(), "UDP", "acme", "Trunk-Pass-1", true, 60,
                            java.util.List.of("127.0.0.1/32"), java.util.List.of(), null, 5, true, java.util.Set.of()))
                    .id();
            await("the trunk registered", () -> world.gateway.registrations().isRegistered(trunk));
            assertThat(carrier.awaitReceived(m -> "REGISTER".equals(m.method()) && m.header("Authorization").isPresent(),
                    Duration.ofSeconds(5))).as("the challenge was answered with the trunk's credentials").isPresent();
            assertThat(world.gateway.registrations().currentHost(trunk)).isEqualTo("127.0.0.1:" + carrier.sipPort());
        }
    }

    /** A WAV of a 1 kHz tone: 8 kHz, mono, 16-bit PCM. */
    static java.nio.file.Path toneWav(double seconds) throws Exception {
        int samples = (int) (8000 * seconds);
        java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(44 + samples * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int n = 0; n < samples; n++) {
            wav.putShort((short) (8000 * Math.sin(2 * Math.PI * 1000 * n / 8000.0)));
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("music-", ".wav");
        java.nio.file.Files.write(file, wav.array());
        return file;
    }

    @Test
    void callersWaitingInAQueueHearTheConfiguredMusicAndABadFileStopsTheStart() throws Exception {
        world.close();
        world = new GatewayWorld(DEFAULT_RTP_TIMEOUT, toneWav(2));
        try (SippProcess carrier = carrier("carrier_call_bye.xml", 2000)) {
            SippResult call = carrier.await(Duration.ofSeconds(60));
            assertThat(call.isSuccess()).as(call.screen()).isTrue();
            assertThat(carrier.rtp().packets()).as("the caller heard the music while waiting").isGreaterThan(50);
        }
        java.nio.file.Path notAWav = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("bad-", ".wav"),
                "not a wav");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GatewayWorld(DEFAULT_RTP_TIMEOUT,
                notAWav)).hasMessageContaining(notAWav.toString());
    }

}
