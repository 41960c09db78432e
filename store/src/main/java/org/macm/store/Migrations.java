package org.macm.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The store's schema, as one ordered list of steps for both engines: a statement is written
 * once, with {@link Dialect#ddl} placeholders where the engines' types differ, and a step may
 * hold statements for one engine only (the lease table exists only where two nodes share a
 * database). A SQLite store records how many steps have run in {@code PRAGMA user_version},
 * as it always has; a PostgreSQL store in the one-row table {@code macm_schema}. A store
 * written by a newer MACM is refused rather than misread.
 */
final class Migrations {
    private static final Set<Dialect> BOTH = Set.of(Dialect.SQLITE, Dialect.POSTGRES);

    /** One statement and the engines that run it. */
    private record Ddl(String template, Set<Dialect> engines) {
    }

    /** Step i (from 0) brings the schema from version i to i + 1. Append; never edit. */
    private static final List<List<Ddl>> STEPS = List.of(
            List.of(
                    new Ddl("""
                    CREATE TABLE entry (
                      link      TEXT    NOT NULL,
                      author    TEXT    NOT NULL,
                      seq       {INT} NOT NULL,
                      hash      {BLOB}    NOT NULL,
                      bytes     {BLOB}    NOT NULL,
                      signature {BLOB}    NOT NULL,
                      stored_at {INT} NOT NULL,
                      PRIMARY KEY (link, author, seq)
                    ){WITHOUT_ROWID}""", BOTH),
                    new Ddl("""
                    CREATE TABLE equivocation (
                      id          {ID},
                      link        TEXT    NOT NULL,
                      author      TEXT    NOT NULL,
                      seq         {INT} NOT NULL,
                      hash        {BLOB}    NOT NULL,
                      bytes       {BLOB}    NOT NULL,
                      signature   {BLOB}    NOT NULL,
                      detected_at {INT} NOT NULL,
                      UNIQUE (link, author, seq, hash)
                    )""", BOTH)),
            List.of(
                    // What intake found wrong with validly signed peer entries (IntakeFinding):
                    // bytes and signature only for an entry that could not be read (it is not in entry).
                    new Ddl("""
                    CREATE TABLE intake_finding (
                      id        {ID},
                      link      TEXT    NOT NULL,
                      author    TEXT    NOT NULL,
                      seq       {INT} NOT NULL,
                      hash      {BLOB}    NOT NULL,
                      rule      TEXT    NOT NULL,
                      message   TEXT    NOT NULL,
                      bytes     {BLOB},
                      signature {BLOB},
                      seen_at   {INT} NOT NULL,
                      UNIQUE (link, author, seq, hash, rule)
                    )""", BOTH)),
            List.of(
                    // Which node of an active/standby pair may write, and under which epoch (Fence,
                    // StationLease); expires_at and renewed_at by the database's clock.
                    new Ddl("""
                    CREATE TABLE station_lease (
                      station    TEXT        PRIMARY KEY,
                      epoch      BIGINT      NOT NULL,
                      holder     TEXT        NOT NULL,
                      expires_at TIMESTAMPTZ NOT NULL,
                      renewed_at TIMESTAMPTZ NOT NULL
                    )""", Set.of(Dialect.POSTGRES))));

    static final int CURRENT = STEPS.size();
    /** Serialises migrations of one PostgreSQL database by nodes that start at once ("MACM" in ASCII). */
    private static final long MIGRATION_LOCK = 0x4d41_434d_0000_0001L;

    private Migrations() {
    }

    /** Brings the schema up to date inside one transaction, or refuses a schema newer than this MACM's. */
    static void apply(Connection c, Dialect dialect) throws SQLException {
        if (requireKnown(version(c, dialect)) == CURRENT) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute(dialect.begin());
            int version = 0;
            if (dialect == Dialect.POSTGRES) {
                s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
                s.execute("CREATE TABLE IF NOT EXISTS macm_schema (version INTEGER NOT NULL)");
                version = requireKnown(version(c, dialect)); // again, under the lock: another node may have run
                if (version == 0) {
                    s.execute("DELETE FROM macm_schema");
                    s.execute("INSERT INTO macm_schema (version) VALUES (0)");
                }
            } else {
                version = requireKnown(version(c, dialect));
            }
            for (int step = version; step < CURRENT; step++) {
                for (Ddl ddl : STEPS.get(step)) {
                    if (ddl.engines().contains(dialect)) {
                        s.execute(dialect.ddl(ddl.template()));
                    }
                }
            }
            s.execute(dialect == Dialect.POSTGRES ? "UPDATE macm_schema SET version = " + CURRENT
                    : "PRAGMA user_version = " + CURRENT);
            s.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // Already rolled back; the original failure is what matters.
            }
            throw e;
        }
    }

    private static int requireKnown(int version) {
        if (version > CURRENT) {
            throw new StoreException("this store has schema version " + version + " but this MACM reads up to "
                    + CURRENT + ": run the newer MACM that wrote it");
        }
        return version;
    }

    /** How many steps have run (0 for a new store). */
    static int version(Connection c, Dialect dialect) throws SQLException {
        String sql = "PRAGMA user_version";
        if (dialect == Dialect.POSTGRES) {
            // A new database has no macm_schema yet: ask first, so the query below is not an error.
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT to_regclass('macm_schema') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
            sql = "SELECT coalesce(max(version), 0) FROM macm_schema";
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
