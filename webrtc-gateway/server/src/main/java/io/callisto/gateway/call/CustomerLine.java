package io.callisto.gateway.call;

import io.callisto.core.acd.Channel;
import io.callisto.core.acd.ContactRef;
import io.callisto.core.acd.NewInteraction;
import io.callisto.core.acd.Skills;
import io.callisto.core.calls.CallDirection;
import io.callisto.core.calls.CallDisposition;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.HangupSide;
import io.callisto.core.ids.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Who a customer's call connects: the customer's number and the tenant's ({@code ourNumber}, with its id when it is
 * one of the tenant's numbers), the trunk it runs on and the queue its interaction belongs to. {@code direction} says
 * who called: the call's record names the caller first.
 */
record CustomerLine(TenantId tenant, CallDirection direction, String customer, String ourNumber, String numberId,
                    String trunkId, String queueId) {
    static CustomerLine inbound(InboundAdmission.Admitted admitted, String caller) {
        return new CustomerLine(admitted.route().tenant(), CallDirection.INBOUND, caller, admitted.route().e164(),
                admitted.route().numberId(), admitted.trunk().id(), admitted.route().queueId());
    }

    /** How a call ended: its disposition, who hung up, the SIP cause. */
    record Ending(CallDisposition disposition, HangupSide side, int cause) {
    }

    /**
     * The call's interaction in the ACD: a voice call of {@code customer} (the matched CRM contact, or null) in the
     * line's queue, with the number (when it is one of the tenant's) and the trunk as its data.
     */
    NewInteraction interaction(String callId, ContactRef contact) {
        Map<String, String> data = new HashMap<>(Map.of("trunkId", trunkId));
        if (numberId != null) {
            data.put("numberId", numberId);
        }
        return new NewInteraction(callId, Channel.VOICE, queueId, 0, Skills.NONE, customer, null, data, contact);
    }

    /** The number the call came from, as its record keeps it. */
    String from() {
        return direction == CallDirection.INBOUND ? customer : ourNumber;
    }

    /** The number called. */
    String to() {
        return direction == CallDirection.INBOUND ? ourNumber : customer;
    }

    /**
     * The call's detail record: answered (connected to an agent) at {@code answered}, or never (null); an inbound call
     * waited from its start until then, a call the agent placed waits for nobody; talk time leaves out time on hold.
     */
    CallRecord detail(String callId, String agentId, Instant startedAt, Instant answered, Instant endedAt, long held,
                      Ending ending, String recordingName) {
        long wait = direction == CallDirection.OUTBOUND ? 0
                : Duration.between(startedAt, answered == null ? endedAt : answered).toSeconds();
        long talk = answered == null ? 0 : Math.max(0, Duration.between(answered, endedAt).toSeconds() - held);
        return new CallRecord(callId, direction, from(), to(), numberId, trunkId, queueId, agentId, callId, startedAt,
                answered, endedAt, wait, talk, held, ending.disposition(), ending.side(), ending.cause(), recordingName);
    }
}
