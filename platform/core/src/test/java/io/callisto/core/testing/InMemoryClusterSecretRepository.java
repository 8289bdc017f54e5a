package io.callisto.core.testing;

import io.callisto.core.auth.ClusterSecretRepository;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/** ClusterSecretRepository for one process. */
public final class InMemoryClusterSecretRepository implements ClusterSecretRepository {
    private final ConcurrentMap<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public String getOrCreate(String name, Supplier<String> generator) {
        return secrets.computeIfAbsent(name, n -> generator.get());
    }
}
