package io.callisto.core.telephony;

/** Where a call to a number goes first: straight into a queue, or into an IVR flow. */
public enum TargetType {
    QUEUE,
    IVR
}
