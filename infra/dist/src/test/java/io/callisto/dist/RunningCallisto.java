package io.callisto.dist;

import io.callisto.core.testing.TestPorts;
import io.callisto.platform.testing.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A whole Callisto (role all: grid member, database, platform HTTP) for integration tests, on a free port,
 * with a fresh data directory, and either the embedded H2 database or a fresh schema of the PostgreSQL
 * named by TEST_JDBC_URL (dropped again at close).
 */
public final class RunningCallisto implements AutoCloseable {
    /** Which database the instance runs on. */
    public enum Database { H2, POSTGRES }

    private final Callisto callisto;
    private final Path dataDir;
    private final String schema;
    private final ApiClient client;

    private RunningCallisto(Callisto callisto, Path dataDir, String schema, String httpHost) {
        this.callisto = callisto;
        this.dataDir = dataDir;
        this.schema = schema;
        this.client = new ApiClient("http://" + httpHost + ":" + callisto.httpPort());
    }

    public static RunningCallisto start(Database database) {
        return start(database, Map.of());
    }

    public static RunningCallisto start(Database database, Map<String, String> extra) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("callisto-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Settings settings = Settings.load(Map.of(), null)
                .with("CALLISTO_DATA_DIR", dataDir.toString())
                .with("CALLISTO_HTTP_HOST", "127.0.0.1")
                .with("CALLISTO_HTTP_PORT", "0")
                .with("CALLISTO_CLUSTER", "callisto-it-" + UUID.randomUUID())
                // free ports, so that this test's cluster and edges come up beside any Callisto already running here
                .with("CALLISTO_CLUSTER_PORT", Integer.toString(TestPorts.free()))
                .with("CALLISTO_PUBLIC_RATE_LIMIT", "0")
                .with("CALLISTO_SIP_PORT", Integer.toString(TestPorts.free()))
                .with("CALLISTO_ICE_PORT", Integer.toString(TestPorts.free()));
        extra.forEach(settings::with);
        String schema = null;
        if (database == Database.POSTGRES) {
            schema = "cc_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("create schema " + schema);
            settings.with("CALLISTO_DB_URL", withSchema(jdbcUrl(), schema))
                    .with("CALLISTO_DB_USER", jdbcUser())
                    .with("CALLISTO_DB_PASSWORD", jdbcPassword());
        }
        // the client calls the address the platform listens on (a test may move it off 127.0.0.1, e.g. to a veth)
        return new RunningCallisto(Callisto.start(settings), dataDir, schema, extra.getOrDefault("CALLISTO_HTTP_HOST",
                "127.0.0.1"));
    }

    /** The PostgreSQL tests need TEST_JDBC_URL (CI and the README's test command set it). */
    public static boolean postgresAvailable() {
        return jdbcUrl() != null;
    }

    public ApiClient client() {
        return client;
    }

    public Callisto callisto() {
        return callisto;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        callisto.close();
        if (schema != null) {
            execute("drop schema " + schema + " cascade");
        }
    }

    static String jdbcUrl() {
        String url = System.getProperty("test.jdbc.url", System.getenv("TEST_JDBC_URL"));
        return url == null || url.isBlank() || url.startsWith("${") ? null : url;
    }

    private static String jdbcUser() {
        String user = System.getenv("TEST_JDBC_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    private static String jdbcPassword() {
        String password = System.getenv("TEST_JDBC_PASSWORD");
        return password == null ? "" : password;
    }

    private static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), jdbcUser(), jdbcPassword());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + jdbcUrl(), e);
        }
    }
}
