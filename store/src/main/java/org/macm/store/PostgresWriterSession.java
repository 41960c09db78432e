package org.macm.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.macm.core.log.StationId;

/**
 * The PostgreSQL store's writer side: one connection, opened afresh after the server went
 * away (stopped, restarted, failed over), each new one checked for durable commits and, for a
 * single node, locked to the station ({@link PostgresConnections}). A fenced store checks in
 * every write transaction, under a row lock, that the station's lease still carries its epoch;
 * the first time it does not, the store is deposed for good and refuses every later write
 * without asking the database.
 */
final class PostgresWriterSession implements WriteSession {
    private final PostgresSettings settings;
    private final StationId station;
    private final Optional<Fence> fence;
    /** The current connection's table; null when there is none (not yet, or it broke). */
    private EntryTable table;
    /** The fence's query on that connection, prepared once: it runs in every transaction. */
    private PreparedStatement fenceQuery;
    /** Why this store may no longer write, once it was fenced off; null while it may. */
    private volatile String deposed;

    PostgresWriterSession(PostgresSettings settings, StationId station, Optional<Fence> fence) {
        this.settings = settings;
        this.station = station;
        this.fence = fence;
    }

    /** Opens the first connection at once, so that open() reports a bad password or a lost lease. */
    void connect() throws SQLException {
        table();
        if (fence.isPresent()) {
            checkFence(table.connection());
        }
    }

    @Override
    public String where() {
        return settings.where();
    }

    @Override
    public EntryTable table() throws SQLException {
        String why = deposed;
        if (why != null) {
            throw new StoreException(why);
        }
        if (table == null) {
            Connection c = PostgresConnections.open(settings, "macm-store-writer");
            try {
                if (fence.isEmpty()) {
                    PostgresConnections.lockStation(c, station, where());
                }
            } catch (SQLException | RuntimeException e) {
                EntryTable.closeQuietly(c);
                throw e;
            }
            table = new EntryTable(c, Dialect.POSTGRES, where());
        }
        return table;
    }

    /**
     * Checks the fence first in every transaction. The row lock (FOR SHARE) makes a takeover's
     * UPDATE of the epoch wait for this commit, and every commit after the takeover sees the new epoch.
     */
    @Override
    public void begun(EntryTable t) throws SQLException {
        if (fence.isPresent()) {
            if (fenceQuery == null) {
                fenceQuery = t.connection().prepareStatement(
                        "SELECT epoch, holder FROM station_lease WHERE station = ? FOR SHARE");
            }
            checkFence(fenceQuery);
        }
    }

    /** At open, outside a transaction: refuses a node whose lease is already gone. */
    private void checkFence(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT epoch, holder FROM station_lease WHERE station = ?")) {
            checkFence(s);
        }
    }

    private void checkFence(PreparedStatement s) throws SQLException {
        Fence f = fence.orElseThrow();
        s.setString(1, f.station().toString());
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                depose("this node was deposed: the lease of " + f.station() + " is gone; ours was epoch "
                        + f.epoch());
            } else if (rs.getLong(1) != f.epoch()) {
                depose("this node was deposed: lease epoch is now " + rs.getLong(1) + " (holder "
                        + rs.getString(2) + "); ours was " + f.epoch());
            }
        }
    }

    private void depose(String why) {
        deposed = why + ". It writes nothing more; the active node keeps the station's logs.";
        throw new StoreException(deposed);
    }

    boolean deposed() {
        return deposed != null;
    }

    @Override
    public void betweenCommits() {
        // PostgreSQL checkpoints by itself.
    }

    @Override
    public StoreException failed(Exception e) {
        StoreException error;
        if (e instanceof SQLException sql) {
            error = PostgresErrors.translate(sql, where(), "store entries");
            if (PostgresErrors.UNIQUE_VIOLATION.equals(PostgresErrors.state(sql))) {
                // Only another writer can have taken the seq: never write again from here.
                deposed = error.getMessage();
            }
        } else {
            error = e instanceof StoreException se ? se
                    : new StoreException("cannot store entries in " + where() + ": " + e, e);
        }
        dropIfBroken();
        return error;
    }

    /** Closes a connection the server has dropped, so the next transaction connects afresh. */
    private void dropIfBroken() {
        if (table == null) {
            return;
        }
        boolean alive;
        try {
            alive = table.connection().isValid(2);
        } catch (SQLException ex) {
            alive = false;
        }
        if (!alive) {
            close();
        }
    }

    @Override
    public void close() {
        EntryTable.closeQuietly(fenceQuery);
        fenceQuery = null;
        if (table != null) {
            table.close();
            table = null;
        }
    }
}
