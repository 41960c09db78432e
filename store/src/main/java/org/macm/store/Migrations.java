package org.macm.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema, as an ordered list of steps. {@code PRAGMA user_version} records how
 * many have run; a store written by a newer MACM is refused rather than misread.
 */
final class Migrations {
    /** Step i (from 0) brings the schema from version i to i + 1. Append; never edit. */
    private static final List<List<String>> STEPS = List.of(
            List.of(
                    """
                    CREATE TABLE entry (
                      link      TEXT    NOT NULL,
                      author    TEXT    NOT NULL,
                      seq       INTEGER NOT NULL,
                      hash      BLOB    NOT NULL,
                      bytes     BLOB    NOT NULL,
                      signature BLOB    NOT NULL,
                      stored_at INTEGER NOT NULL,
                      PRIMARY KEY (link, author, seq)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE equivocation (
                      id          INTEGER PRIMARY KEY,
                      link        TEXT    NOT NULL,
                      author      TEXT    NOT NULL,
                      seq         INTEGER NOT NULL,
                      hash        BLOB    NOT NULL,
                      bytes       BLOB    NOT NULL,
                      signature   BLOB    NOT NULL,
                      detected_at INTEGER NOT NULL,
                      UNIQUE (link, author, seq, hash)
                    )"""),
            List.of(
                    // What intake found wrong with validly signed peer entries (IntakeFinding):
                    // bytes and signature only for an entry that could not be read (it is not in entry).
                    """
                    CREATE TABLE intake_finding (
                      id        INTEGER PRIMARY KEY,
                      link      TEXT    NOT NULL,
                      author    TEXT    NOT NULL,
                      seq       INTEGER NOT NULL,
                      hash      BLOB    NOT NULL,
                      rule      TEXT    NOT NULL,
                      message   TEXT    NOT NULL,
                      bytes     BLOB,
                      signature BLOB,
                      seen_at   INTEGER NOT NULL,
                      UNIQUE (link, author, seq, hash, rule)
                    )"""));

    static final int CURRENT = STEPS.size();

    private Migrations() {
    }

    /** Brings the schema up to date inside one transaction. */
    static void apply(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > CURRENT) {
            throw new StoreException("this store has schema version " + version + " but this MACM reads up to "
                    + CURRENT + ": run the newer MACM that wrote it");
        }
        if (version == CURRENT) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            for (int step = version; step < CURRENT; step++) {
                for (String sql : STEPS.get(step)) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = " + CURRENT);
            s.execute("COMMIT");
        } catch (SQLException e) {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // Already rolled back; the original failure is what matters.
            }
            throw e;
        }
    }
}
