package org.macm.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The PostgreSQL store's readers: a small HikariCP pool, so that reads run side by side and a
 * connection the server dropped is replaced without the store noticing. Each query borrows a
 * connection for its own time only.
 */
final class PooledReaders implements Readers {
    /** How long a read waits for a connection before it reports the server unreachable. */
    private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

    private final HikariDataSource pool;
    private final String where;

    PooledReaders(PostgresSettings s) {
        this.where = s.where();
        HikariConfig config = new HikariConfig();
        config.setPoolName("macm-store-readers");
        config.setJdbcUrl(s.jdbcUrl());
        config.setUsername(s.user());
        config.setPassword(s.password());
        config.setMaximumPoolSize(s.poolSize());
        config.setMinimumIdle(1);
        config.setReadOnly(true);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        // The writer's connection has been checked already; a pool that cannot connect yet retries on use.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", "macm-store-reader");
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        this.pool = new HikariDataSource(config);
    }

    /**
     * Runs the query on a pooled connection. A connection the server dropped (restarted, failed
     * over) fails once and is evicted by the pool; the query then runs once more on a new one.
     */
    @Override
    public <T> T read(String action, Query<T> query) {
        try {
            return once(query);
        } catch (SQLException first) {
            if (!connectionLost(first)) {
                throw PostgresErrors.translate(first, where, action);
            }
            try {
                return once(query);
            } catch (SQLException e) {
                throw PostgresErrors.translate(e, where, action);
            }
        }
    }

    private <T> T once(Query<T> query) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return query.run(new EntryTable(c, Dialect.POSTGRES, where));
        }
    }

    private static boolean connectionLost(SQLException e) {
        String state = PostgresErrors.state(e);
        return state.startsWith("08") || state.startsWith("57P");
    }

    @Override
    public void close() {
        pool.close();
    }
}
