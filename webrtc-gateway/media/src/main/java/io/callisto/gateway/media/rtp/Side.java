package io.callisto.gateway.media.rtp;

/**
 * The two legs of a bridge. By convention A is the caller's leg (left channel of a recording) and B
 * the agent's or callee's leg (right channel).
 */
public enum Side {
    A,
    B;

    public Side other() {
        return this == A ? B : A;
    }
}
