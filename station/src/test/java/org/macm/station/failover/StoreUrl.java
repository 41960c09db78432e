package org.macm.station.failover;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.macm.testkit.PostgresCluster;

/**
 * One test's database on the class's PostgreSQL cluster, as a node's {@code [store] url} names
 * it, with the role's password (kept out of {@link #toString}). A fresh database per test is
 * much cheaper than a fresh cluster on two cores.
 */
record StoreUrl(String url, String jdbcUrl, String password) {
    /** Creates database {@code name}, owned by role {@code macm}, on {@code pg}. */
    static StoreUrl create(PostgresCluster pg, String name) {
        try (Connection c = pg.superuser(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " OWNER " + PostgresCluster.USER);
        } catch (SQLException e) {
            throw new AssertionError("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return new StoreUrl("postgresql://" + PostgresCluster.USER + "@127.0.0.1:" + pg.port() + "/" + name,
                "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + name, pg.password());
    }

    /** A connection as role {@code macm}, the owner of the database and its tables. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, PostgresCluster.USER, password);
    }

    @Override
    public String toString() {
        return url;
    }
}
