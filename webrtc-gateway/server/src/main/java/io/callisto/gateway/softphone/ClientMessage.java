package io.callisto.gateway.softphone;

/** A message from the browser, validated (see the SDK's README for the protocol). */
public sealed interface ClientMessage {
    record Hello(String device) implements ClientMessage {
    }

    record SetState(String state, String reason) implements ClientMessage {
    }

    /** {@code sdp} null: answer with the media of the call's {@link Prepare}. */
    record Answer(String callId, String sdp) implements ClientMessage {
    }

    /** The browser's offer while the call rings, so that its media is connected before the agent answers. */
    record Prepare(String callId, String sdp) implements ClientMessage {
    }

    /** {@code candidate} null: the browser has no more candidates. */
    record Candidate(String callId, String candidate) implements ClientMessage {
    }

    record Reject(String callId) implements ClientMessage {
    }

    record Hangup(String callId) implements ClientMessage {
    }

    record Hold(String callId, boolean hold) implements ClientMessage {
    }

    record Mute(String callId, boolean mute) implements ClientMessage {
    }

    record Dtmf(String callId, String digits) implements ClientMessage {
    }

    /** A blind transfer: exactly one of the two is set. */
    record Transfer(String callId, String queueId, String agentId) implements ClientMessage {
    }

    record Consult(String callId, String agentId) implements ClientMessage {
    }

    record CompleteTransfer(String callId) implements ClientMessage {
    }

    record CancelConsult(String callId) implements ClientMessage {
    }

    /**
     * {@code from}: the caller id, one of the tenant's numbers (default: the trunk's); {@code queueId}: the queue the
     * call is made for (default: the agent's first), which its recording rule, transfers and reports follow.
     */
    record Dial(String number, String from, String queueId) implements ClientMessage {
    }

    record Ping() implements ClientMessage {
    }
}
