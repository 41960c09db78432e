package org.macm.store;

import java.sql.SQLException;

/**
 * Turns PostgreSQL's SQLSTATE codes into errors that say what happened and what to do, as
 * {@link SqliteErrors} does for SQLite's result codes. {@code where} is the database's address
 * without credentials; no message carries a password.
 */
final class PostgresErrors {
    /** The state PostgreSQL reports when a row with the same primary key exists (here: a seq another node took). */
    static final String UNIQUE_VIOLATION = "23505";
    private static final String INTACT = " Every entry stored before this one is intact.";

    private PostgresErrors() {
    }

    static StoreException translate(SQLException e, String where, String action) {
        String state = state(e);
        String detail = e.getMessage() == null ? "" : " (" + firstLine(e.getMessage()) + ")";
        if (state.startsWith("08")) {
            return new StoreException("cannot " + action + " in " + where + ": cannot reach the database server"
                    + detail + ". Check that PostgreSQL is running and reachable; the store reconnects by itself."
                    + INTACT, e);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new StoreException("cannot log in to " + where + ": the database refused the store's user or "
                    + "password. Check the password file (or MACM_STORE_PASSWORD) and the user in the store url.", e);
        }
        if (state.equals("3D000")) {
            return new StoreException("cannot open store " + where + ": the database does not exist. Create it "
                    + "(docs/INSTALL.md, section PostgreSQL).", e);
        }
        if (state.equals("53100")) {
            return new StoreException("cannot " + action + " in " + where + ": the database server's disk is full. "
                    + "Free space there, then retry." + INTACT, e);
        }
        if (state.equals("25006")) {
            return new StoreException("cannot " + action + " in " + where + ": the database is read-only (a standby, "
                    + "or default_transaction_read_only). Point the store url at the primary." + INTACT, e);
        }
        if (state.startsWith("57P")) {
            return new StoreException("cannot " + action + " in " + where + ": the database server is shutting down "
                    + "or starting" + detail + "; the store reconnects when it is back." + INTACT, e);
        }
        if (state.equals(UNIQUE_VIOLATION)) {
            return new StoreException("cannot " + action + " in " + where + ": another node has stored an entry at "
                    + "the same seq, so this node is no longer the one that may write (fenced). Stop this node; "
                    + "the active node keeps the log." + INTACT, e);
        }
        if (state.equals("42501")) {
            return new StoreException("cannot " + action + " in " + where + ": the store's user lacks a privilege"
                    + detail + ". Make it the owner of the database (docs/INSTALL.md, section PostgreSQL).", e);
        }
        return new StoreException("cannot " + action + " in " + where + ": " + firstLine(String.valueOf(e.getMessage()))
                + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"), e);
    }

    /**
     * The SQLSTATE of {@code e} or of the first cause that has one: a pool wraps the driver's
     * error in its own, which has none.
     */
    static String state(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return "";
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
