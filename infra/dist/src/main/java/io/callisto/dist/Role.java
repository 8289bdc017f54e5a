package io.callisto.dist;

import java.util.Locale;

/** Which side of Callisto this process runs. */
public enum Role {
    /** Platform and gateway in one JVM: the embedded default. */
    ALL,
    /** The control plane: REST API, web app, storage-enabled grid member. */
    PLATFORM,
    /** The media edge: storage-disabled grid member (SIP and WebRTC come with their issues). */
    GATEWAY;

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role must be all, platform or gateway, not '" + text + "'", e);
        }
    }

    public boolean runsPlatform() {
        return this != GATEWAY;
    }

    public boolean runsGateway() {
        return this != PLATFORM;
    }
}
