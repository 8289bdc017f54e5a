package io.callisto.platform;

import java.util.Set;

/**
 * How the platform's HTTP server listens: address, port (0 picks a free one), the largest JSON body it
 * reads, how many public requests (sign-up, sign-in) one client may make per minute (0: no limit), and
 * the addresses of proxies whose X-Forwarded-For names the client.
 */
public record PlatformConfig(String host, int port, int maxJsonBytes, int publicRequestsPerMinute,
                             Set<String> trustedProxies) {
    public static final int DEFAULT_MAX_JSON_BYTES = 64 * 1024;

    public PlatformConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        trustedProxies = Set.copyOf(trustedProxies);
        if (maxJsonBytes < 1024) {
            throw new IllegalArgumentException("maxJsonBytes too small");
        }
    }
}
