package io.callisto.core.auth;

import java.util.function.Supplier;

/**
 * Port: platform-wide secrets every member must share (the access-token signing key), kept in the
 * database so that a cluster needs no extra configuration.
 */
public interface ClusterSecretRepository {
    /**
     * The stored secret of this name, or the generated one stored now. Concurrent first calls on
     * several members all return the single value that won.
     */
    String getOrCreate(String name, Supplier<String> generator);
}
