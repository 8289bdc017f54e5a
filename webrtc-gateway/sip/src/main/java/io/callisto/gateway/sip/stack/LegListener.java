package io.callisto.gateway.sip.stack;

/**
 * What happens on a call leg (one dialog), as call control hears it. Every method has a harmless default; each
 * runs on its own virtual thread.
 */
public interface LegListener {
    /** Client leg: a provisional answer (180, 183), with the far end's SDP when it sent early media. */
    default void onProvisional(SipLeg leg, int status, String sdp) {
    }

    /** Client leg: answered (the ACK is already sent); the far end's SDP answer. */
    default void onAnswered(SipLeg leg, String sdp) {
    }

    /** Client leg: refused, unreachable or timed out (status 408 for a timeout), before any answer. */
    default void onFailed(SipLeg leg, int status, String reason) {
    }

    /** Server leg: the caller's ACK for our 2xx. */
    default void onAck(SipLeg leg) {
    }

    /** Server leg: the caller gave up before we answered (CANCEL; already answered 200 and 487). */
    default void onCancel(SipLeg leg) {
    }

    /** Either leg: the far end hung up (its BYE is already answered 200). */
    default void onBye(SipLeg leg) {
    }

    /**
     * Either leg: a re-INVITE (hold, unhold, new media) with the far end's offer; returns our SDP answer, or null to
     * refuse it with 488.
     */
    default String onReinvite(SipLeg leg, String offer) {
        return null;
    }

    /** Either leg: a REFER (transfer) to the target (as written in Refer-To); returns whether it is accepted (202). */
    default boolean onRefer(SipLeg leg, String referTo) {
        return false;
    }

    /** Either leg: an INFO (e.g. application/dtmf-relay), with its content type and body. */
    default void onInfo(SipLeg leg, String contentType, String body) {
    }
}
