package io.callisto.admin.calls;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.callisto.core.auth.Caller;
import io.callisto.core.calls.CallRecord;
import io.callisto.core.calls.CallRecordService;
import io.callisto.core.calls.RecordingStore;
import io.callisto.core.error.Errors;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.callisto.platform.http.Paging;
import io.callisto.platform.work.PathIds;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/calls}: call detail records, newest first, and each call's recording as WAV. Admins and supervisors
 * read every call of the tenant, an agent only their own; anything else is 404, never a hint that it exists.
 */
public final class CallsApi implements ApiService {
    private static final String WAV = "audio/wav";
    private final CallRecordService calls;
    private final RecordingStore recordings;
    private final io.callisto.core.calls.ClickToDial dialing;
    private final io.callisto.core.calls.CallRecordingControl recordingControl;
    private final io.callisto.platform.http.JsonBodies bodies;

    public CallsApi(CallRecordService calls, RecordingStore recordings, io.callisto.core.calls.ClickToDial dialing,
                    io.callisto.core.calls.CallRecordingControl recordingControl, io.callisto.platform.http.JsonBodies bodies) {
        this.dialing = dialing;
        this.recordingControl = recordingControl;
        this.bodies = bodies;
        this.calls = calls;
        this.recordings = recordings;
    }

    /** A click-to-dial request: the number to call, for which agent (default: the caller), the caller id, the queue. */
    record DialBody(String to, String agentId, String from, String queueId) {
    }

    /** Whether a live call is to be recorded from now on. */
    record RecordingStateBody(Boolean recording) {
    }

    /** A call record as the API shows it; {@code recordingUrl} when the call has a recording. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CallView(String id, String direction, String from, String to, String numberId, String trunkId, String queueId,
                    String agentId, String interactionId, Instant startedAt, Instant answeredAt, Instant endedAt,
                    long waitSeconds, long talkSeconds, long holdSeconds, String disposition, String hangupSide,
                    int sipCause, boolean hasRecording, String recordingUrl) {
        static CallView of(CallRecord r) {
            return new CallView(r.id(), r.direction().name(), r.from(), r.to(), r.numberId(), r.trunkId(), r.queueId(),
                    r.agentId(), r.interactionId(), r.startedAt(), r.answeredAt(), r.endedAt(), r.waitSeconds(),
                    r.talkSeconds(), r.holdSeconds(), r.disposition().name(), r.hangupSide().name(), r.sipCause(),
                    r.hasRecording(), r.hasRecording() ? "/api/v1/calls/" + r.id() + "/recording" : null);
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        String one = "/api/v1/calls/{id}";
        return List.of(
                Endpoint.authenticated(Method.POST, "/api/v1/calls", (caller, req, res) -> {
                    DialBody body = bodies.read(req, DialBody.class);
                    String id = dialing.dial(caller, new io.callisto.core.calls.ClickToDial.DialRequest(body.to(),
                            body.agentId(), body.from(), body.queueId()));
                    Json.created(res, "/api/v1/calls/" + id, java.util.Map.of("id", id, "state", "DIALING"));
                }),
                Endpoint.authenticated(Method.GET, "/api/v1/calls", (caller, req, res) -> {
                    CallQuery query = CallQuery.of(req);
                    Json.ok(res, Paging.collection(calls.list(caller, query.filter(), query.page()), CallView::of));
                }),
                Endpoint.authenticated(Method.GET, one, (caller, req, res) ->
                        Json.ok(res, CallView.of(calls.get(caller, id(req))))),
                Endpoint.authenticated(Method.GET, one + "/recording", this::recording),
                Endpoint.authenticated(Method.PUT, one + "/recording-state", (caller, req, res) -> {
                    RecordingStateBody body = bodies.read(req, RecordingStateBody.class);
                    if (body.recording() == null) {
                        throw Errors.invalid(List.of(new io.callisto.core.error.CallistoException.FieldError("recording",
                                "must be true or false")));
                    }
                    boolean now = recordingControl.record(caller, id(req), body.recording());
                    Json.ok(res, java.util.Map.of("callId", id(req), "recording", now));
                }));
    }

    /** Streams the WAV file: its length known up front, offered as a download named after the call. */
    private void recording(Caller caller, ServerRequest req, ServerResponse res) throws IOException {
        CallRecord call = calls.get(caller, id(req));
        Path file = call.recording() == null ? null : recordings.find(caller.tenantId(), call.recording()).orElse(null);
        if (file == null) {
            throw Errors.notFound("recording");
        }
        InputStream in;
        long size;
        try {
            in = Files.newInputStream(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw Errors.notFound("recording");
        }
        try (in) {
            res.status(Status.OK_200);
            res.header(HeaderNames.CONTENT_TYPE, WAV);
            res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + call.id() + ".wav\"");
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
            res.contentLength(size);
            try (OutputStream out = res.outputStream()) {
                in.transferTo(out);
            }
        }
    }

    private static String id(ServerRequest req) {
        return PathIds.of(req, "id", "call");
    }

    @Override
    public String openApiFragment() {
        return "openapi/admin-calls.yaml";
    }
}
