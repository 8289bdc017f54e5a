package io.callisto.gateway.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two endpoints on loopback, one calling the other: legs through answer, cancel, refusal, re-INVITE and BYE. */
class SipLegTest {
    static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\n";
    final BlockingQueue<String> calleeEvents = new LinkedBlockingQueue<>();
    final BlockingQueue<String> callerEvents = new LinkedBlockingQueue<>();
    volatile Consumer<SipLeg> calleeBehaviour = leg -> { };
    final CompletableFuture<SipLeg> calleeLeg = new CompletableFuture<>();
    SipEndpoint caller;
    SipEndpoint callee;

    @BeforeEach
    void start() throws Exception {
        caller = SipEndpoint.start(SipStackConfig.of("caller", "127.0.0.1", SipEndpointTest.freePort()), r ->
                r.respond(SipResponse.of(405)));
        callee = SipEndpoint.start(SipStackConfig.of("callee", "127.0.0.1", SipEndpointTest.freePort()), r -> {
            SipLeg leg = callee.accept(r, recorder(calleeEvents));
            calleeEvents.add("invite " + r.body().startsWith("v=0"));
            calleeLeg.complete(leg);
            calleeBehaviour.accept(leg);
        });
    }

    @AfterEach
    void stop() {
        caller.close();
        callee.close();
    }

    static LegListener recorder(BlockingQueue<String> events) {
        return new LegListener() {
            @Override
            public void onProvisional(SipLeg leg, int status, String sdp) {
                events.add("provisional " + status);
            }

            @Override
            public void onAnswered(SipLeg leg, String sdp) {
                events.add("answered " + (sdp != null && sdp.contains("m=audio")));
            }

            @Override
            public void onFailed(SipLeg leg, int status, String reason) {
                events.add("failed " + status);
            }

            @Override
            public void onAck(SipLeg leg) {
                events.add("ack");
            }

            @Override
            public void onCancel(SipLeg leg) {
                events.add("cancel");
            }

            @Override
            public void onBye(SipLeg leg) {
                events.add("bye");
            }

            @Override
            public String onReinvite(SipLeg leg, String offer) {
                events.add("reinvite " + offer.contains("sendonly"));
                return offer.replace("sendonly", "recvonly");
            }
        };
    }

    SipLeg call() {
        return caller.invite(new OutgoingInvite("sip:agent@127.0.0.1:" + callee.port(), null, 0, "udp",
                "sip:+15551230000@127.0.0.1", "Caller", "sip:agent@t1", SDP, List.of(new SipHeader("X-Test", "1"))),
                recorder(callerEvents));
    }

    static String next(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(15, TimeUnit.SECONDS);
        assertThat(event).as("an event within 15 s").isNotNull();
        return event;
    }

    @Test
    void answeredThenHungUpByTheCaller() throws Exception {
        calleeBehaviour = SipLeg::ring;
        SipLeg out = call();
        assertThat(next(calleeEvents)).isEqualTo("invite true");
        assertThat(next(callerEvents)).isEqualTo("provisional 180");
        // answered only once the caller heard the ringing: a 200 right behind a 180 may overtake it (see below)
        calleeLeg.get().answer(SDP);
        assertThat(next(callerEvents)).isEqualTo("answered true");
        assertThat(next(calleeEvents)).isEqualTo("ack");
        assertThat(out.isConfirmed()).isTrue();
        assertThat(calleeLeg.get().isConfirmed()).isTrue();

        String held = SDP + "a=sendonly\r\n";
        assertThat(out.reinvite(held).get(15, TimeUnit.SECONDS)).contains("recvonly");
        assertThat(next(calleeEvents)).isEqualTo("reinvite true");
        assertThat(next(calleeEvents)).isEqualTo("ack");

        out.hangUp();
        assertThat(next(calleeEvents)).isEqualTo("bye");
        assertThat(calleeLeg.get().isEnded()).isTrue();
        out.hangUp();
        assertThat(callerEvents.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void theCalleeHangsUp() throws Exception {
        calleeBehaviour = leg -> leg.answer(SDP);
        call();
        assertThat(next(callerEvents)).isEqualTo("answered true");
        assertThat(next(calleeEvents)).isEqualTo("invite true");
        assertThat(next(calleeEvents)).isEqualTo("ack");
        calleeLeg.get().hangUp();
        assertThat(next(callerEvents)).isEqualTo("bye");
    }

    @Test
    void theCallerGivesUpWhileItRings() throws Exception {
        calleeBehaviour = SipLeg::ring;
        SipLeg out = call();
        assertThat(next(callerEvents)).isEqualTo("provisional 180");
        out.cancel();
        assertThat(next(calleeEvents)).isEqualTo("invite true");
        assertThat(next(calleeEvents)).isEqualTo("cancel");
        assertThat(calleeLeg.get().isEnded()).isTrue();
    }

    @Test
    void aRefusalReachesTheCaller() throws Exception {
        calleeBehaviour = leg -> leg.reject(486, "Busy Here");
        SipLeg out = call();
        assertThat(next(callerEvents)).isEqualTo("failed 486");
        assertThat(out.isEnded()).isTrue();
    }

    @Test
    void anUnreachablePhoneTimesOut() throws Exception {
        int nobody = SipEndpointTest.freePort();
        caller.invite(new OutgoingInvite("sip:agent@127.0.0.1:" + nobody, null, 0, "udp", "sip:a@127.0.0.1", null,
                "sip:agent@t1", SDP, List.of()), recorder(callerEvents));
        String event = callerEvents.poll(Duration.ofSeconds(45).toSeconds(), TimeUnit.SECONDS);
        assertThat(event).isIn("failed 408", "failed 503");
    }
}
