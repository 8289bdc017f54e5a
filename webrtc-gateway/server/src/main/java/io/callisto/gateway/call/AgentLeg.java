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
}
