package io.callisto.gateway.call;

/**
 * The agent's side of a customer's call, whatever their device: a SIP dialog with their desk phone, or their
 * browser's softphone. Call control drives it through these operations and hears from it through
 * {@link AgentLegEvents}, so the ACD's browser and SIP-phone agents are interchangeable.
 */
public interface AgentLeg {
    /** Stops ringing or ends the conversation on the agent's device. Idempotent. */
    void hangUp();

    boolean isEnded();

    /** The transfer this agent asked for went through: they leave the call. */
    void transferSucceeded();

    /** The transfer this agent asked for failed: they stay with the caller. */
    void transferFailed();

    /** The far end answered the call this agent placed (an outbound call was ringing until now). */
    default void farEndAnswered() {
        // a SIP phone hears it: the ringback stops
    }

    /**
     * Moves the agent's media to {@code side} of {@code bridge} (an attended transfer's consultation, and back), where
     * they hear the same RTP stream go on. False when the device cannot be moved this way: a SIP phone would need a
     * re-INVITE, a browser whose media is reconnecting must finish first.
     */
    default boolean moveMedia(io.callisto.gateway.media.rtp.RtpBridge bridge, io.callisto.gateway.media.rtp.Side side) {
        return false;
    }

    /**
     * The agent's consultation of a colleague changed: who, and {@code "ringing"} or {@code "connected"}; both null
     * when it is over ({@code why}: why it ended without a transfer, or null when the agent ended it).
     */
    default void consultation(String colleagueId, String state, String why) {
        // a SIP phone's own display shows its consultation
    }

    /** A colleague consulted on this leg now has the customer: the device shows the customer's call from now on. */
    default void nowWithCustomer(String from, String to, String queueId, io.callisto.core.acd.ContactRef contact) {
        // a SIP phone keeps showing what it dialled
    }

    /**
     * Sends the device a new offer (a SIP phone's re-INVITE) and completes with its answer; fails when the device
     * takes no offers this way (a browser moves with {@link #moveMedia}).
     */
    default java.util.concurrent.CompletableFuture<String> reinvite(String offer) {
        return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("no re-INVITE"));
    }
}
