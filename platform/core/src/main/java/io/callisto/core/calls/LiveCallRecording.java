package io.callisto.core.calls;

import io.callisto.core.ids.TenantId;

/**
 * Port: the SIP edge recording a call it carries on demand (per call, whatever its queue says): from now on, both
 * directions into the call's stereo recording, listed on its detail record when the call ends.
 */
public interface LiveCallRecording {
    /**
     * Starts ({@code on}) or stops recording the connected call; returns whether it is being recorded now. With an
     * {@code agentId} the call must be that agent's. Throws {@code notFound("call")} when this edge carries no such
     * call (or it is another agent's), {@code conflict("not-connected")} before the call is answered or after it
     * ended, {@code conflict("recording-finished")} when a recording once stopped is asked to start again (a call
     * has one recording), {@code conflict("recording-unavailable")} when this edge keeps no recordings.
     */
    boolean record(TenantId tenant, String callId, String agentId, boolean on);
}
