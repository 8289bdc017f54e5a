package io.callisto.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL for one test class, in a fresh schema {@code cc_test_<random>} dropped on close. The
 * server is, in order: system property {@code test.jdbc.url} or env {@code TEST_JDBC_URL} (with
 * {@code TEST_JDBC_USER}, default postgres, and {@code TEST_JDBC_PASSWORD}, default empty); else a
 * Testcontainers postgres:15-alpine if Docker is available; else none, and the tests skip with {@link #UNAVAILABLE}.
 */
final class PostgresTestDatabase implements AutoCloseable {
    static final String UNAVAILABLE = "PostgreSQL tests skipped: neither -Dtest.jdbc.url nor TEST_JDBC_URL is set,"
            + " and no Docker engine is available for Testcontainers";

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String schema;
    private final PostgreSQLContainer container;

    private PostgresTestDatabase(String serverUrl, String user, String password, PostgreSQLContainer container) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.container = container;
        this.schema = "cc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    /** A database with a fresh schema, or empty when there is no server to test against. */
    static Optional<PostgresTestDatabase> open() {
        String url = configuredUrl();
        PostgresTestDatabase db;
        if (url != null) {
            db = new PostgresTestDatabase(url, env("TEST_JDBC_USER", "postgres"), env("TEST_JDBC_PASSWORD", ""), null);
        } else if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer pg = new PostgreSQLContainer("postgres:15-alpine");
            pg.start();
            db = new PostgresTestDatabase(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword(), pg);
        } else {
            return Optional.empty();
        }
        db.execute("create schema " + db.schema);
        return Optional.of(db);
    }

    /** The property wins over the env var; Maven passes an unresolved "${env...}" when the env var is unset. */
    private static String configuredUrl() {
        String property = System.getProperty("test.jdbc.url");
        if (property != null && !property.isBlank() && !property.startsWith("${")) {
            return property;
        }
        String env = System.getenv("TEST_JDBC_URL");
        return env == null || env.isBlank() ? null : env;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    PersistenceConfig config() {
        String separator = serverUrl.contains("?") ? "&" : "?";
        return new PersistenceConfig(serverUrl + separator + "currentSchema=" + schema, user, password, 8);
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + serverUrl, e);
        }
    }

    @Override
    public void close() {
        try {
            if (container == null) {
                execute("drop schema " + schema + " cascade");
            }
        } finally {
            if (container != null) {
                container.stop();
            }
        }
    }
}
