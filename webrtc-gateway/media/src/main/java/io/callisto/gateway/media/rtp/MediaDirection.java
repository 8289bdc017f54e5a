package io.callisto.gateway.media.rtp;

/**
 * Media direction of one leg, from the gateway's point of view, as in the SDP the gateway sends on
 * that leg: SENDONLY means we send to the leg and ignore what it sends (e.g. music on hold to a held
 * caller); RECVONLY means we accept its media but send it nothing.
 */
public enum MediaDirection {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    MediaDirection(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    /** True when media may be sent to this leg. */
    public boolean sends() {
        return sends;
    }

    /** True when media from this leg is accepted and forwarded. */
    public boolean receives() {
        return receives;
    }
}
