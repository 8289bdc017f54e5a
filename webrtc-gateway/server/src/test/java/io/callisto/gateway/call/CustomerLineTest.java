package io.callisto.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.calls.CallDirection;
import io.callisto.core.calls.CallDisposition;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.HangupSide;
import io.callisto.core.ids.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A customer's call's record names the caller first, whichever side called, and counts wait and talk time. */
class CustomerLineTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final TenantId TENANT = new TenantId("tline");

    @Test
    void anInboundCallIsFromTheCustomerAndWaitedUntilAnswered() {
        CustomerLine line = new CustomerLine(TENANT, CallDirection.INBOUND, "+15550001", "+15559990", "n1", "t1", "q1");
        CallRecord r = line.detail("c1", "ann", T0, T0.plusSeconds(20), T0.plusSeconds(140), 30,
                new CustomerLine.Ending(CallDisposition.ANSWERED, HangupSide.CALLER, 200), "c1.wav");
        assertThat(r.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(r.from()).isEqualTo("+15550001");
        assertThat(r.to()).isEqualTo("+15559990");
        assertThat(r.interactionId()).isEqualTo("c1");
        assertThat(r.queueId()).isEqualTo("q1");
        assertThat(r.numberId()).isEqualTo("n1");
        assertThat(r.waitSeconds()).isEqualTo(20);
        assertThat(r.talkSeconds()).as("two minutes less the half minute on hold").isEqualTo(90);
        assertThat(r.holdSeconds()).isEqualTo(30);
        assertThat(r.hangupSide()).isEqualTo(HangupSide.CALLER);
    }

    @Test
    void aCallTheAgentPlacedIsToTheCustomerAndWaitsForNobody() {
        CustomerLine line = new CustomerLine(TENANT, CallDirection.OUTBOUND, "+15550001", "+15559990", null, "t1", "q1");
        CallRecord answered = line.detail("c2", "bob", T0, T0.plusSeconds(15), T0.plusSeconds(75), 0,
                new CustomerLine.Ending(CallDisposition.ANSWERED, HangupSide.AGENT, 200), null);
        assertThat(answered.from()).isEqualTo("+15559990");
        assertThat(answered.to()).isEqualTo("+15550001");
        assertThat(answered.waitSeconds()).isZero();
        assertThat(answered.talkSeconds()).isEqualTo(60);
        CallRecord busy = line.detail("c3", "ann", T0, null, T0.plusSeconds(8), 0,
                new CustomerLine.Ending(CallDisposition.BUSY, HangupSide.CALLER, 486), null);
        assertThat(busy.answeredAt()).isNull();
        assertThat(busy.talkSeconds()).isZero();
        assertThat(busy.waitSeconds()).isZero();
        assertThat(busy.sipCause()).isEqualTo(486);
    }
}
