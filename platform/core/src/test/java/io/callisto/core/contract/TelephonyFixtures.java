package io.callisto.core.contract;

import io.callisto.core.agent.SipDigests;
import io.callisto.core.calls.CallDirection;
import io.callisto.core.calls.CallDisposition;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.HangupSide;
import io.callisto.core.ids.TenantId;
import io.callisto.core.telephony.NumberConfig;
import io.callisto.core.telephony.NumberTarget;
import io.callisto.core.telephony.Trunk;
import io.callisto.core.telephony.TrunkKind;
import io.callisto.core.telephony.TrunkTransport;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/** Test data builders for the trunk, number and call record contracts. */
public final class TelephonyFixtures {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TelephonyFixtures() {
    }

    /**
     * A prefix of E.164 numbers no other test uses (numbers are unique across tenants, and the databases of the
     * contracts outlive a test): append one or two digits.
     */
    public static String numberPrefix() {
        return "+49" + (10_000_000 + RANDOM.nextInt(90_000_000));
    }

    /** A trunk with every field set, credentials included. */
    public static Trunk trunk(TenantId tenant, String id, String name) {
        return new Trunk(id, name, TrunkKind.CARRIER, "sip.carrier.example", 5061, TrunkTransport.TLS, "acme-trunk",
                "s3cret:with\"quotes", SipDigests.of("acme-trunk", tenant.value(), "s3cret:with\"quotes"), true, 600,
                List.of("203.0.113.0/24", "2001:db8::/32", "198.51.100.7"), List.of("sip2.carrier.example:5080",
                "[2001:db8::5]:5060", "192.0.2.10"), "+15551230000", 30, false, Fixtures.NOW, Fixtures.NOW.plusSeconds(7));
    }

    /** A trunk with every optional field empty: no credentials, no caller id, no failover. */
    public static Trunk bareTrunk(String id, String name) {
        return new Trunk(id, name, TrunkKind.PBX, "10.0.0.5", 5060, TrunkTransport.UDP, null, null, null, false, 3600,
                List.of("10.0.0.5"), List.of(), null, 1, true, Fixtures.NOW, Fixtures.NOW);
    }

    public static NumberConfig number(String id, String e164, String trunkId, String queueId) {
        return new NumberConfig(id, e164, "Main line", trunkId, NumberTarget.queue(queueId), Fixtures.NOW,
                Fixtures.NOW.plusSeconds(3));
    }

    /** An answered inbound call with every field set, started at {@code startedAt}. */
    public static CallRecord answered(String id, String agentId, String queueId, Instant startedAt) {
        return new CallRecord(id, CallDirection.INBOUND, "+4930123456", "+15551230000", "n-main", "s-carrier", queueId,
                agentId, "i-" + id, startedAt, startedAt.plusSeconds(12), startedAt.plusSeconds(200), 12, 180, 8,
                CallDisposition.ANSWERED, HangupSide.CALLER, 200, id + ".wav");
    }

    /** An abandoned call: no agent, never answered, no recording. */
    public static CallRecord abandoned(String id, String queueId, Instant startedAt) {
        return new CallRecord(id, CallDirection.INBOUND, "anonymous", "+15551230000", null, null, queueId, null, null,
                startedAt, null, startedAt.plusSeconds(40), 40, 0, 0, CallDisposition.ABANDONED, HangupSide.CALLER, 487,
                null);
    }
}
