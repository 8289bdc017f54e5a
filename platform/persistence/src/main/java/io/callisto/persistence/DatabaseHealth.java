package io.callisto.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The cheap database probe behind the health endpoint. It runs on its own virtual thread with a
 * deadline, because waiting for a pooled connection (pool exhausted, network gone) can block far longer
 * than a health check may take.
 */
final class DatabaseHealth {
    private static final long DEADLINE_MILLIS = 2_000;
    private static final int QUERY_TIMEOUT_SECONDS = 2;
    private static final System.Logger LOG = System.getLogger(DatabaseHealth.class.getName());

    private final DataSource dataSource;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean check() {
        CompletableFuture<Boolean> probe = new CompletableFuture<>();
        Thread.ofVirtual().name("db-health").start(() -> probe.complete(selectOne()));
        return await(probe);
    }

    private static boolean await(Future<Boolean> probe) {
        try {
            return probe.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "database health probe timed out");
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean selectOne() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select 1")) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "database health probe failed: {0}", e.toString());
            return false;
        }
    }
}
