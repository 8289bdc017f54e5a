package io.callisto.core.acd;

/** Where an interaction is in its life. */
public enum InteractionState {
    WAITING, ROUTED, CONNECTED, COMPLETED, ABANDONED
}
