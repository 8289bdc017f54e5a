package io.callisto.platform;

/**
 * How the platform's HTTP server listens: address, port (0 picks a free one), the largest JSON body it
 * reads, and how many public requests (sign-up, sign-in) one client may make per minute (0: no limit).
 */
public record PlatformConfig(String host, int port, int maxJsonBytes, int publicRequestsPerMinute) {
    public static final int DEFAULT_MAX_JSON_BYTES = 64 * 1024;

    public PlatformConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxJsonBytes < 1024) {
            throw new IllegalArgumentException("maxJsonBytes too small");
        }
    }
}
