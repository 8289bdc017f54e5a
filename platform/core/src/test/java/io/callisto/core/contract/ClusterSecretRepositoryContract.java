package io.callisto.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.callisto.core.auth.ClusterSecretRepository;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ClusterSecretRepository contract. */
public abstract class ClusterSecretRepositoryContract {
    protected abstract ClusterSecretRepository secrets();

    @Test
    void createsOnceAndReturnsTheStoredValueAfterwards() {
        String first = secrets().getOrCreate("jwt-test-1", () -> "value-one");
        String second = secrets().getOrCreate("jwt-test-1", () -> "value-two");

        assertThat(first).isEqualTo("value-one");
        assertThat(second).isEqualTo("value-one");
        assertThat(secrets().getOrCreate("jwt-test-2", () -> "other")).isEqualTo("other");
    }

    @Test
    void concurrentCreatorsAgreeOnOneValue() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> results = IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> secrets().getOrCreate("jwt-race", () -> "candidate-" + i)))
                    .toList();
            String winner = results.getFirst().get();
            for (Future<String> r : results) {
                assertThat(r.get()).isEqualTo(winner);
            }
        }
    }
}
