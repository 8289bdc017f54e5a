package io.callisto.gateway.call;

/**
 * The o= line's session id and version of the SDP the gateway sends on one leg: the id fixed, the version up by one
 * with each new description (RFC 3264 8; a changed session id reads as a new session to strict phones).
 */
final class SdpOrigin {
    private final long sessionId;
    private long version;

    private SdpOrigin(long sessionId, long lastVersion) {
        this.sessionId = sessionId;
        this.version = lastVersion;
    }

    /** A new leg's origin. */
    static SdpOrigin fresh() {
        return new SdpOrigin(System.nanoTime() & 0xffffffL, 0);
    }

    /** Continues a leg whose last description had this origin (a leg taken over from another call). */
    static SdpOrigin continuing(long sessionId, long lastVersion) {
        return new SdpOrigin(sessionId, lastVersion);
    }

    long sessionId() {
        return sessionId;
    }

    /** The version of the next description sent on the leg. */
    synchronized long next() {
        return ++version;
    }

    synchronized long current() {
        return version;
    }
}
