package io.callisto.grid;

import java.util.Objects;

/**
 * How this process joins the Coherence cluster: the cluster's name, the well-known address(es) members
 * find each other on (comma-separated; loopback for the all-in-one run), the address this member binds,
 * whether it stores data (platform members do; gateway members do not), and its role name.
 */
public record GridConfig(String clusterName, String wellKnownAddresses, String localAddress, boolean storageEnabled,
                         String role) {
    public GridConfig {
        Objects.requireNonNull(clusterName);
        Objects.requireNonNull(role);
    }

    /** A single-member cluster on loopback, the embedded default. */
    public static GridConfig loopback(String clusterName, boolean storageEnabled, String role) {
        return new GridConfig(clusterName, "127.0.0.1", "127.0.0.1", storageEnabled, role);
    }
}
