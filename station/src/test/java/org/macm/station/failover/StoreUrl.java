package org.macm.station.failover;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.macm.station.node.NodeFolders;
import org.macm.testkit.PostgresCluster;

/**
 * One test's database on the class's PostgreSQL cluster ({@code postgresql://HOST:PORT/NAME},
 * as {@link NodeFolders} takes it) with the password of role {@code macm}, kept out of
 * {@link #toString}. A fresh database per test is much cheaper than a fresh cluster on two cores.
 */
record StoreUrl(String url, String password) {
    /** Creates database {@code name}, owned by role {@code macm}, on {@code pg}. */
    static StoreUrl create(PostgresCluster pg, String name) {
        return new StoreUrl(pg.database(name), pg.password());
    }

    /** A connection as role {@code macm}, the owner of the database and its tables. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:" + url, PostgresCluster.USER, password);
    }

    @Override
    public String toString() {
        return url;
    }
}
