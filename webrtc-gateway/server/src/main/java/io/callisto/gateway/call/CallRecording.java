package io.callisto.gateway.call;

import io.callisto.gateway.media.audio.StereoWavRecorder;
import io.callisto.gateway.media.rtp.RtpBridge;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A call's recording, when its queue records calls: both directions to a stereo WAV (left the caller, right the
 * agent) from the moment the agent answers. A recording that cannot be written never disturbs the call; it is
 * logged and the call's record lists no recording.
 */
final class CallRecording {
    private static final System.Logger LOG = System.getLogger(CallRecording.class.getName());
    private StereoWavRecorder recorder;
    private String name;

    void start(RtpBridge bridge, Path file, String callId) {
        if (recorder != null || name != null) {
            return; // one recording per call: a second agent, or a restart after a stop, would truncate the file
        }
        try {
            recorder = StereoWavRecorder.start(file);
            bridge.setTap(recorder);
            name = file.getFileName().toString();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "call " + callId + " cannot be recorded to " + file + ": " + e);
            recorder = null;
        }
    }

    /**
     * Starts recording when the queue the call was answered from records its calls (the interaction's queue now, which
     * an overflow or a transfer may have changed; {@code queueId} once it has gone) and recordings are kept at all.
     */
    void startIfQueueRecords(CallServices services, io.callisto.core.ids.TenantId tenant, String callId, String queueId,
                             RtpBridge bridge) {
        if (services.recordings() == null) {
            return;
        }
        io.callisto.core.acd.TenantAcd acd = services.acd().snapshot(tenant);
        String queue = acd.interaction(callId).map(i -> i.queueId()).orElse(queueId);
        if (acd.queue(queue).map(q -> q.recordCalls()).orElse(false)) {
            start(bridge, services.recordings().pathFor(tenant, callId), callId);
        }
    }

    /** Stops and completes the file (its header); harmless when not recording or stopped already. */
    void stop(RtpBridge bridge) {
        if (recorder == null) {
            return;
        }
        StereoWavRecorder stopping = recorder;
        recorder = null;
        if (bridge != null) {
            bridge.clearTap();
        }
        try {
            stopping.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "a recording could not be completed: " + e);
            name = null;
        }
    }

    /**
     * Recording on demand for a call, refused as the API says: not found when {@code visible} is false (another
     * agent's call), 409 before it is connected or when this edge keeps no recordings; then {@link #demand}.
     */
    boolean demand(boolean on, boolean visible, boolean connected, io.callisto.core.calls.RecordingStore store,
                   io.callisto.core.ids.TenantId tenant, String callId, RtpBridge bridge) {
        if (!visible) {
            throw io.callisto.core.error.Errors.notFound("call");
        }
        if (!connected) {
            throw io.callisto.core.error.Errors.conflict("not-connected", "the call is not connected");
        }
        if (store == null) {
            throw io.callisto.core.error.Errors.conflict("recording-unavailable", "this SIP edge keeps no recordings");
        }
        return demand(on, bridge, () -> store.pathFor(tenant, callId), callId);
    }

    /**
     * Recording on demand: starts (unless it runs already) or stops; whether the call is being recorded now. A call
     * has one recording: once stopped, it is not started again.
     */
    boolean demand(boolean on, RtpBridge bridge, java.util.function.Supplier<Path> file, String callId) {
        if (!on) {
            stop(bridge);
            return false;
        }
        if (recorder != null) {
            return true;
        }
        if (name != null) {
            throw io.callisto.core.error.Errors.conflict("recording-finished",
                    "this call's recording was stopped; a call has one recording");
        }
        start(bridge, file.get(), callId);
        if (recorder == null) {
            throw io.callisto.core.error.Errors.conflict("recording-failed", "the recording could not be started");
        }
        return true;
    }

    /** The recording's file name within the tenant's recordings, or null when the call was not recorded. */
    String name() {
        return name;
    }
}
