package io.callisto.grid;

import java.util.Objects;

/**
 * How this process joins the Coherence cluster: the cluster's name, the well-known address(es) members
 * find each other on (comma-separated; loopback for the all-in-one run), the address this member binds,
 * the cluster port members listen and are found on (one per cluster on a host: two clusters on the same
 * address and port cannot both form), whether it stores data (platform members do; gateway members do
 * not), and its role name.
 */
public record GridConfig(String clusterName, String wellKnownAddresses, String localAddress, int clusterPort,
                         boolean storageEnabled, String role) {
    /** Coherence's default cluster port. */
    public static final int DEFAULT_PORT = 7574;

    public GridConfig {
        Objects.requireNonNull(clusterName);
        Objects.requireNonNull(role);
        if (clusterPort < 1 || clusterPort > 65_535) {
            throw new IllegalArgumentException("cluster port out of range: " + clusterPort);
        }
    }

    /** A single-member cluster on loopback, the embedded default. */
    public static GridConfig loopback(String clusterName, int clusterPort, boolean storageEnabled, String role) {
        return new GridConfig(clusterName, "127.0.0.1", "127.0.0.1", clusterPort, storageEnabled, role);
    }
}
