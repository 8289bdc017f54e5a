package io.callisto.core.acd;

/**
 * Where an interaction is in its life. UNANSWERED: a call an agent placed that nobody answered (it was connected to
 * its agent, never to a customer). Stored by ordinal: new states go last.
 */
public enum InteractionState {
    WAITING, ROUTED, CONNECTED, COMPLETED, ABANDONED, UNANSWERED
}
