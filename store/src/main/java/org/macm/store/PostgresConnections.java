package org.macm.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import org.macm.core.log.StationId;

/**
 * Connects to a PostgreSQL store and checks what MACM relies on: that a commit is durable when
 * the server says so ({@code synchronous_commit} on or remote_apply, {@code fsync} on), and,
 * for a single node, that no other process writes the station's logs (a session advisory
 * lock, which PostgreSQL drops when the session ends, as a lock file is dropped with its process).
 */
final class PostgresConnections {
    /** The advisory lock's first key: "MACM" in ASCII; the second is the station's hash. */
    private static final int LOCK_CLASS = 0x4d41434d;
    /** Values of synchronous_commit under which a commit has been flushed (on a synchronous standby too) when it returns. */
    private static final Set<String> DURABLE = Set.of("on", "remote_apply");
    /** How long a connection attempt may take before the store reports the server unreachable. */
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private PostgresConnections() {
    }

    /** A new connection with the settings' user and password, checked for durable commits. */
    static Connection open(PostgresSettings s, String applicationName) throws SQLException {
        Properties props = properties(s, applicationName);
        Connection c = DriverManager.getConnection(s.jdbcUrl(), props);
        try {
            requireDurableCommits(c, s.where());
        } catch (SQLException | RuntimeException e) {
            EntryTable.closeQuietly(c);
            throw e;
        }
        return c;
    }

    /** The driver's connection properties: the password travels here, never in a URL or a message. */
    static Properties properties(PostgresSettings s, String applicationName) {
        Properties props = new Properties();
        props.setProperty("user", s.user());
        props.setProperty("password", s.password());
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("tcpKeepAlive", "true");
        return props;
    }

    /** Refuses a server on which a commit could be lost after it returned: MACM sends receipts on that promise. */
    static void requireDurableCommits(Connection c, String where) throws SQLException {
        String sync = show(c, "synchronous_commit");
        if (!DURABLE.contains(sync)) {
            throw new StoreException("store " + where + " runs with synchronous_commit = " + sync + ": a commit could "
                    + "be lost after MACM sent a receipt for it. Set synchronous_commit = on (in postgresql.conf, and "
                    + "drop any ALTER DATABASE/ROLE ... SET synchronous_commit that lowers it), reload PostgreSQL, "
                    + "then start again.");
        }
        String fsync = show(c, "fsync");
        if (!"on".equals(fsync)) {
            throw new StoreException("store " + where + " runs with fsync = " + fsync + ": a crash of the database "
                    + "server could lose committed entries. Set fsync = on in postgresql.conf, restart PostgreSQL, "
                    + "then start again.");
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT current_setting(?)")) {
            s.setString(1, setting);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /**
     * Takes the station's session advisory lock on {@code c}, or refuses: another process writes
     * this station's logs. Held until the session ends (closed, or the process or server gone).
     */
    static void lockStation(Connection c, StationId station, String where) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            s.setInt(1, LOCK_CLASS);
            s.setString(2, station.toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new StoreException("store " + where + " is in use by another station process for "
                            + station + ": stop it first (one process per store, or run an active/standby pair "
                            + "with a lease)");
                }
            }
        }
    }
}
