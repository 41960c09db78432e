package org.macm.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.macm.testkit.PostgresCluster;

/**
 * One throwaway PostgreSQL cluster for a test class, started when a test first needs it, and a
 * fresh database owned by role {@code macm} for each test: cheaper than a cluster per test on
 * a two-core machine, and each test still starts from an empty store.
 */
final class TestDatabases implements AutoCloseable {
    private PostgresCluster cluster;
    private final AtomicInteger made = new AtomicInteger();
    private PostgresSettings last;

    synchronized PostgresCluster cluster() {
        if (cluster == null) {
            cluster = PostgresCluster.start();
        }
        return cluster;
    }

    /** A new, empty database on the class's cluster, and the settings a store opens it with. */
    PostgresSettings fresh() {
        String name = "store_" + made.incrementAndGet();
        PostgresCluster pg = cluster();
        PostgresSettings fresh = PostgresSettings.of(pg.database(name), PostgresCluster.USER, pg.password());
        synchronized (this) {
            last = fresh;
        }
        return fresh;
    }

    /** The database {@link #fresh} made last. */
    synchronized PostgresSettings last() {
        return last;
    }

    static PostgresSettings settings(PostgresCluster pg, String database) {
        return PostgresSettings.of("postgresql://127.0.0.1:" + pg.port() + "/" + database, PostgresCluster.USER,
                pg.password());
    }

    /** Runs {@code sql} in the store's database as its owner, on a connection of its own: behind the store's back. */
    static void behindTheStoresBack(PostgresSettings s, String sql) {
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e, e);
        }
    }

    /** Runs {@code sql} as the cluster's superuser (database postgres): settings of a database, roles. */
    void asSuperuser(String sql) {
        try (Connection c = cluster().superuser(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e, e);
        }
    }

    @Override
    public synchronized void close() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }
}
