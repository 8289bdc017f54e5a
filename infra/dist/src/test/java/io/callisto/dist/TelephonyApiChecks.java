package io.callisto.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.calls.CallDirection;
import io.callisto.core.calls.CallDisposition;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.HangupSide;
import io.callisto.core.calls.RecordingStore;
import io.callisto.core.ids.TenantId;
import io.callisto.core.telephony.NumberRoute;
import io.callisto.core.telephony.NumberTarget;
import io.callisto.platform.testing.ApiClient;
import io.callisto.platform.testing.ApiClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Trunks, numbers and call records through the public API on the assembled application, and the gateway's side of
 * them through the composition root: the write-only trunk password, E.164 numbers unique across tenants, the
 * in-use conflicts, the directory the gateway routes by, and call records with their recordings by role.
 */
final class TelephonyApiChecks {
    private final ApiClient api;
    private final Callisto callisto;

    TelephonyApiChecks(ApiClient api, Callisto callisto) {
        this.api = api;
        this.callisto = callisto;
    }

    /** A random E.164 number in the fictional +1 555 01xx range's neighbourhood, distinct per call. */
    static String newNumber() {
        return "+1444" + (1_000_000 + Math.floorMod(System.nanoTime(), 8_999_999L));
    }

    /** A call record written as the gateway writes it, with a recording file in the store when asked for. */
    CallRecord recordCall(String tenantId, String callId, String agentId, String queueId, String to, Instant startedAt,
                          byte[] wav) {
        CallRecord call = new CallRecord(callId, CallDirection.INBOUND, "+4930123456", to, null, null, queueId, agentId,
                null, startedAt, agentId == null ? null : startedAt.plusSeconds(4), startedAt.plusSeconds(64), 4,
                agentId == null ? 0 : 60, 0, agentId == null ? CallDisposition.ABANDONED : CallDisposition.ANSWERED,
                HangupSide.CALLER, agentId == null ? 487 : 200, wav == null ? null : RecordingStore.fileName(callId));
        TenantId tenant = new TenantId(tenantId);
        assertThat(callisto.callRecords().record(tenant, call)).isTrue();
        assertThat(callisto.callRecords().record(tenant, call)).as("idempotent").isFalse();
        if (wav != null) {
            try {
                Files.write(callisto.recordings().pathFor(tenant, callId), wav);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return call;
    }

    static byte[] wav(String text) {
        return ("RIFF\0\0\0\0WAVEfmt " + text).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The trunk password is stored and given to the gateway, never shown; supervisors read, agents do not. */
    String trunks(AcdFlowChecks.Team t, String tenantId) {
        String secret = "Carrier-Secret-" + System.nanoTime();
        Response bad = api.json("POST", "/api/v1/trunks", t.admin(), Map.of("name", "Bad", "kind", "CARRIER", "host",
                "sip://carrier.example", "allowedIps", List.of("carrier.example")));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactly("host", "allowedIps[0]");
        Response created = api.json("POST", "/api/v1/trunks", t.admin(), Map.of("name", "Carrier", "kind", "CARRIER",
                "host", "sip.carrier.example", "transport", "TLS", "username", "acme", "password", secret, "register", true,
                "allowedIps", List.of("203.0.113.0/24", "2001:db8::/32"), "callerId", "+1 (555) 123-0000"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(secret).doesNotContain("\"password\"");
        assertThat(created.json().path("hasPassword").asBoolean()).isTrue();
        assertThat(created.json().path("port").asInt()).isEqualTo(5061);
        assertThat(created.text("callerId")).isEqualTo("+15551230000");
        String trunkId = created.text("id");
        assertThat(api.get("/api/v1/trunks", t.supervisor()).body()).contains(trunkId).doesNotContain(secret);
        assertThat(api.get("/api/v1/trunks/" + trunkId, t.ann()).status()).isEqualTo(403);
        assertThat(api.json("PATCH", "/api/v1/trunks/" + trunkId, t.supervisor(), Map.of("maxChannels", 2)).status())
                .isEqualTo(403);
        assertThat(callisto.telephony().trunk(new TenantId(tenantId), trunkId).orElseThrow().password()).isEqualTo(secret);
        Response patched = api.json("PATCH", "/api/v1/trunks/" + trunkId, t.admin(), Map.of("maxChannels", 12));
        assertThat(patched.json().path("maxChannels").asInt()).isEqualTo(12);
        assertThat(patched.json().path("hasPassword").asBoolean()).isTrue();
        return trunkId;
    }

    /** A number routes to the tenant's queue; any tenant's number is taken; IVR waits for its issue; in-use conflicts. */
    void numbers(AcdFlowChecks.Team t, String tenantId, String trunkId, String numberOfAnotherTenant, String otherTenantId) {
        String did = newNumber();
        Response created = api.json("POST", "/api/v1/numbers", t.admin(), Map.of("e164", did.substring(0, 5) + " "
                + did.substring(5), "name", "Main line", "trunkId", trunkId, "target", Map.of("type", "QUEUE", "queueId",
                t.queueId())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("e164")).isEqualTo(did);
        assertThat(created.json().path("target").path("queueId").asText()).isEqualTo(t.queueId());
        String numberId = created.text("id");
        Response taken = api.json("POST", "/api/v1/numbers", t.admin(), Map.of("e164", numberOfAnotherTenant, "target",
                Map.of("type", "QUEUE", "queueId", t.queueId())));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("code")).isEqualTo("number-taken");
        assertThat(taken.body()).doesNotContain(otherTenantId);
        Response ivr = api.json("POST", "/api/v1/numbers", t.admin(), Map.of("e164", newNumber(), "target",
                Map.of("type", "IVR", "ivrFlowId", "f-1")));
        assertThat(ivr.status()).isEqualTo(400);
        assertThat(ivr.json().path("errors").findValuesAsText("field")).containsExactly("target.type");
        assertThat(api.get("/api/v1/numbers/" + numberId, t.supervisor()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/numbers", t.ann()).status()).isEqualTo(403);

        NumberRoute route = callisto.telephony().route(did.substring(1)).orElseThrow();
        assertThat(route).isEqualTo(new NumberRoute(new TenantId(tenantId), numberId, did, NumberTarget.queue(t.queueId()),
                trunkId));
        Response trunkInUse = api.delete("/api/v1/trunks/" + trunkId, t.admin());
        assertThat(trunkInUse.status()).isEqualTo(409);
        assertThat(trunkInUse.text("code")).isEqualTo("trunk-in-use");
        Response queueInUse = api.delete("/api/v1/queues/" + t.queueId(), t.admin());
        assertThat(queueInUse.status()).isEqualTo(409);
        assertThat(queueInUse.text("code")).isEqualTo("queue-in-use");
        assertThat(api.json("PATCH", "/api/v1/numbers/" + numberId, t.admin(), java.util.Collections.singletonMap(
                "trunkId", null)).json().path("trunkId").isNull()).isTrue();
        assertThat(api.delete("/api/v1/trunks/" + trunkId, t.admin()).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/numbers/" + numberId, t.admin()).status()).isEqualTo(204);
        assertThat(callisto.telephony().route(did)).isEmpty();
    }

    /** Admins and supervisors see every call, an agent only theirs; recordings download as WAV or are 404. */
    void callRecords(AcdFlowChecks.Team t, String tenantId) {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        byte[] annWav = wav("ann's call");
        String annCall = "call-ann-" + System.nanoTime();
        String bobCall = "call-bob-" + System.nanoTime();
        recordCall(tenantId, annCall, t.annId(), t.queueId(), "+15551230000", t0, annWav);
        recordCall(tenantId, bobCall, t.bobId(), t.queueId(), "+15551230000", t0.plusSeconds(60), null);

        Response all = api.get("/api/v1/calls", t.supervisor());
        assertThat(all.json().path("items").findValuesAsText("id")).containsExactly(bobCall, annCall);
        Response first = api.get("/api/v1/calls/" + annCall, t.admin());
        assertThat(first.json().path("hasRecording").asBoolean()).isTrue();
        assertThat(first.text("recordingUrl")).isEqualTo("/api/v1/calls/" + annCall + "/recording");
        assertThat(first.text("disposition")).isEqualTo("ANSWERED");
        assertThat(first.json().path("talkSeconds").asInt()).isEqualTo(60);
        assertThat(api.get("/api/v1/calls/" + bobCall, t.admin()).json().path("recordingUrl").isNull()).isTrue();
        Response page = api.get("/api/v1/calls?limit=1", t.admin());
        assertThat(page.json().path("items").findValuesAsText("id")).containsExactly(bobCall);
        assertThat(api.get("/api/v1/calls?limit=1&after=" + page.text("next"), t.admin()).json().path("items")
                .findValuesAsText("id")).containsExactly(annCall);
        assertThat(api.get("/api/v1/calls?agentId=" + t.annId() + "&from=" + t0 + "&to=" + t0.plusSeconds(1), t.admin())
                .json().path("items").findValuesAsText("id")).containsExactly(annCall);
        Response badPeriod = api.get("/api/v1/calls?from=yesterday", t.admin());
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.contentType()).startsWith("application/problem+json");

        assertThat(api.get("/api/v1/calls", t.ann()).json().path("items").findValuesAsText("id")).containsExactly(annCall);
        assertThat(api.get("/api/v1/calls/" + bobCall, t.ann()).status()).isEqualTo(404);
        Response wav = api.get("/api/v1/calls/" + annCall + "/recording", t.ann());
        assertThat(wav.status()).isEqualTo(200);
        assertThat(wav.contentType()).isEqualTo("audio/wav");
        assertThat(wav.header("Content-Length")).isEqualTo(String.valueOf(annWav.length));
        assertThat(wav.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + annCall + ".wav\"");
        assertThat(wav.raw()).isEqualTo(annWav);
        Response none = api.get("/api/v1/calls/" + bobCall + "/recording", t.admin());
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/calls/" + bobCall + "/recording", t.ann()).status()).isEqualTo(404);
        // recording on demand is for live calls: an ended one is not found, a body without the flag is refused
        Response ended = api.json("PUT", "/api/v1/calls/" + annCall + "/recording-state", t.supervisor(),
                Map.of("recording", true));
        assertThat(ended.status()).as(ended.body()).isEqualTo(404);
        assertThat(ended.contentType()).startsWith("application/problem+json");
        assertThat(api.json("PUT", "/api/v1/calls/" + annCall + "/recording-state", t.ann(), Map.of("recording", false))
                .status()).isEqualTo(404);
        Response noFlag = api.json("PUT", "/api/v1/calls/" + annCall + "/recording-state", t.admin(), Map.of());
        assertThat(noFlag.status()).as(noFlag.body()).isEqualTo(400);
        assertThat(api.json("PUT", "/api/v1/calls/" + annCall + "/recording-state", t.admin(), Map.of("recording", "yes"))
                .status()).isEqualTo(400);
    }
}
