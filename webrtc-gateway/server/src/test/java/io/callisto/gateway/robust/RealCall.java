package io.callisto.gateway.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.acd.AgentState;
import io.callisto.gateway.call.GatewayWorld;
import io.callisto.gateway.sipp.RtpEndpoint;
import io.callisto.gateway.sipp.Sipp;
import io.callisto.gateway.sipp.SippProcess;
import io.callisto.gateway.sipp.SippResult;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The proof that the gateway still serves calls, as in {@code SipCallIT}: agent ann's phone (sipp,
 * agent_register.xml + agent_answer_echo.xml, unregistering afterwards) registers, ann becomes AVAILABLE, the carrier
 * (sipp, carrier_call_bye.xml) calls the number, talks and hangs up; audio must flow both ways. Then nothing may be
 * left over: no call, no relay port, no interaction in the ACD, no binding of ann.
 */
final class RealCall {
    private static final System.Logger LOG = System.getLogger(RealCall.class.getName());

    private RealCall() {
    }

    /** Places one call end to end and asserts it worked and left nothing behind; returns a one-line summary. */
    static String works(GatewayWorld world, String agentId, String label) throws InterruptedException {
        assertNothingLeaked(world, label + ": before the call");
        int recordsBefore = world.callRecords().size();
        awaitAvailable(world, agentId, label);
        String summary;
        try (SippProcess phone = phone(world)) {
            world.available(agentId);
            try (SippProcess carrier = Sipp.scenario("carrier_call_bye.xml").remote("127.0.0.1", world.sipPort())
                    .service(GatewayWorld.NUMBER).set("talk_ms", 3000).rtpEndpoint(RtpEndpoint.Mode.SINK)
                    .timeout(Duration.ofSeconds(60)).start()) {
                SippResult call = carrier.await(Duration.ofSeconds(60));
                assertThat(call.isSuccess()).as("%s: the call failed\n%s", label, call.describe()).isTrue();
                assertThat(phone.rtp().packets()).as("%s: the carrier's audio reached the agent's phone", label)
                        .isGreaterThan(50);
                assertThat(carrier.rtp().packets()).as("%s: the phone's audio reached the carrier", label)
                        .isGreaterThan(50);
                summary = label + ": call ok, RTP to phone " + phone.rtp().packets() + ", to carrier "
                        + carrier.rtp().packets();
            }
            SippResult registration = phone.await(Duration.ofSeconds(30));
            assertThat(registration.isSuccess()).as("%s: the phone's registration/unregistration\n%s", label,
                    registration.describe()).isTrue();
        }
        await(label + ": the call's record", () -> world.callRecords().size() > recordsBefore);
        await(label + ": the call ended and its ports came back", () -> world.gateway.calls().active() == 0
                && world.relay.ports().used() == 0 && world.interactions() == 0);
        assertThat(world.bindings.find(world.id(), "ann", Instant.now())).as("%s: ann unregistered", label).isEmpty();
        LOG.log(System.Logger.Level.INFO, summary);
        return summary;
    }

    /** No call, relay port or ACD interaction left (waiting a little for hang-ups in flight). */
    static void assertNothingLeaked(GatewayWorld world, String label) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && !(world.gateway.calls().active() == 0 && world.relay.ports().used() == 0
                && world.interactions() == 0)) {
            Thread.sleep(100);
        }
        assertThat(world.gateway.calls().active()).as("%s: active calls", label).isZero();
        assertThat(world.relay.ports().used()).as("%s: relay ports in use", label).isZero();
        assertThat(world.live.snapshot(world.id()).interactions()).as("%s: interactions in the ACD", label).isEmpty();
    }

    private static SippProcess phone(GatewayWorld world) {
        SippProcess phone = Sipp.scenario("agent_register.xml").remote("127.0.0.1", world.sipPort())
                .set("user", "ann").set("domain", world.id().value()).set("calls", 1).set("unregister", "yes")
                .auth("ann", GatewayWorld.PASSWORD).authUri(world.id().value())
                .outOfCall("agent_answer_echo.xml").rtpEndpoint(RtpEndpoint.Mode.ECHO).timeout(Duration.ofSeconds(90))
                .start();
        boolean registered = phone.awaitRegistered(Duration.ofSeconds(20));
        if (!registered) {
            String why = phone.await(Duration.ofSeconds(1)).describe();
            phone.close();
            throw new AssertionError("ann's phone did not register\n" + why);
        }
        return phone;
    }

    /** After a call ann is in wrap-up; the queue's wrap-up is 0 s, so the ticker makes her available again. */
    private static void awaitAvailable(GatewayWorld world, String agentId, String label) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (world.stateOf(agentId) == AgentState.WRAP_UP && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(world.stateOf(agentId)).as("%s: ann's state before the call", label).isNotEqualTo(AgentState.WRAP_UP);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("waiting for %s", what).isTrue();
            Thread.sleep(100);
        }
    }
}
