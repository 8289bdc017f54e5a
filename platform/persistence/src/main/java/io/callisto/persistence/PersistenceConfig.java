package io.callisto.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the platform database is and how many connections to keep. {@code jdbc:postgresql:...} for a
 * cluster; {@code jdbc:h2:file:...;MODE=PostgreSQL} (see {@link #embeddedH2}) for one node or development.
 */
public record PersistenceConfig(String jdbcUrl, String user, String password, int maxPoolSize) {
    public static final int DEFAULT_POOL_SIZE = 10;

    public PersistenceConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("only jdbc:postgresql: and jdbc:h2: URLs are supported");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
    }

    /**
     * An H2 database in {@code dataDir/callisto.mv.db}, speaking PostgreSQL's dialect so the same
     * migrations run. DB_CLOSE_ON_EXIT=FALSE: {@link JpaPersistence#close()} closes it after the server
     * has drained its requests, rather than H2's own shutdown hook closing it under them.
     */
    public static PersistenceConfig embeddedH2(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("callisto");
        String url = "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";DB_CLOSE_ON_EXIT=FALSE";
        return new PersistenceConfig(url, "sa", "", DEFAULT_POOL_SIZE);
    }

    boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /** Never prints the password: configs end up in logs. */
    @Override
    public String toString() {
        return "PersistenceConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***, maxPoolSize=" + maxPoolSize + "]";
    }
}
