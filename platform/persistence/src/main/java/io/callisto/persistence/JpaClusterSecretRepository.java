package io.callisto.persistence;

import io.callisto.core.auth.ClusterSecretRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * ClusterSecretRepository on JPA, race-safe across processes: read; if absent insert; if the insert
 * fails because another member inserted first (or any other failure), read again and return what is
 * stored. Each step is its own transaction, independent of any unit of work on the calling thread.
 */
final class JpaClusterSecretRepository implements ClusterSecretRepository {
    private final JpaTransactions tx;
    private final Clock clock;

    JpaClusterSecretRepository(JpaTransactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String getOrCreate(String name, Supplier<String> generator) {
        Optional<String> stored = read(name);
        if (stored.isPresent()) {
            return stored.get();
        }
        String candidate = generator.get();
        try {
            tx.detached(em -> {
                em.persist(new ClusterSecretEntity(name, candidate, clock.instant()));
                em.flush();
                return null;
            });
            return candidate;
        } catch (RuntimeException insertFailed) {
            // Usually a unique violation: another member won. Whatever it was, the stored value is the answer.
            return read(name).orElseThrow(() -> insertFailed);
        }
    }

    private Optional<String> read(String name) {
        return tx.detached(em -> Optional.ofNullable(em.find(ClusterSecretEntity.class, name)).map(ClusterSecretEntity::secret));
    }
}
