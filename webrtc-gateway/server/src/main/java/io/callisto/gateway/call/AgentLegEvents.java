package io.callisto.gateway.call;

/**
 * What an agent's device reports to the call it rings for. A SIP phone's dialog events are translated into these;
 * a browser softphone calls them directly. Answers and offers are SDP as a SIP phone would send them, describing
 * where the relay reaches the agent's media.
 */
public interface AgentLegEvents {
    /** The device rings. */
    void ringing();

    /** The agent answered; {@code sdp} answers the call's offer to the device. */
    void answered(String sdp);

    /** The device refused or could not be reached ({@code status}: a SIP status, e.g. 486 busy, 603 declined). */
    void failed(int status);

    /** The agent hung up a connected call. */
    void hungUp();

    /**
     * The connected device is gone (a browser whose media stopped answering and that no reloaded page took back):
     * the call ends as the system's doing, not the agent's.
     */
    void lost();

    /** A blind transfer to a queue or an agent of the tenant (one of them null); false when refused. */
    boolean transfer(String toQueueId, String toAgentId);

    /** A new offer from the device (hold, resume); the answer, or null when it cannot be answered. */
    String reoffer(String sdp);

    /** An attended transfer: the caller is held and {@code colleagueId} rung. False when refused. */
    default boolean consult(String colleagueId) {
        return false;
    }

    /** Hands the caller to the colleague consulted (connected). False when there is none. */
    default boolean completeTransfer() {
        return false;
    }

    /** Ends the consultation; the agent is back with the caller. False when there is none. */
    default boolean cancelConsult() {
        return false;
    }
}
