package org.macm.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.MalformedEntryException;
import org.macm.core.log.RawEntry;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

/**
 * The SQL of the store, over one connection: the {@code entry}, {@code equivocation} and
 * {@code intake_finding} tables (see {@link Migrations}) and the statements that begin and end a transaction. It
 * decides nothing and caches nothing; a connection is used by one thread at a time (the
 * writer's by the writer, the readers' under the table's monitor).
 */
final class EntryTable implements AutoCloseable {
    private final Connection connection;
    private final Dialect dialect;
    /** Where the store is, for messages: its file, or its database's address. */
    private final String where;
    /** Prepared once: every entry is inserted through it. */
    private PreparedStatement insertStatement;
    /** Prepared once, as they run for every commit; dropped after a failed one (see abort). */
    private PreparedStatement beginStatement;
    private PreparedStatement commitStatement;

    EntryTable(Connection connection, Dialect dialect, String where) {
        this.connection = connection;
        this.dialect = dialect;
        this.where = where;
    }

    Connection connection() {
        return connection;
    }

    /**
     * Transactions are begun and ended by explicit statements rather than JDBC's auto-commit
     * switch: after SQLITE_FULL SQLite may already have rolled back on its own, and the driver's
     * idea of an open transaction would then let later statements run outside any transaction.
     * PostgreSQL's driver follows the server's own transaction state, so the same works there.
     */
    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    void begin() throws SQLException {
        if (beginStatement == null) {
            beginStatement = connection.prepareStatement(dialect.begin());
            commitStatement = connection.prepareStatement("COMMIT");
        }
        beginStatement.execute();
    }

    void commit() throws SQLException {
        commitStatement.execute();
    }

    /** Rolls back after a failed step; a statement that failed mid-step (disk full) is not reused. */
    void abort() {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException ignored) {
            // Rolled back already (SQLite does on SQLITE_FULL; a lost connection has no transaction left).
        }
        closeQuietly(beginStatement);
        closeQuietly(commitStatement);
        beginStatement = null;
        commitStatement = null;
    }

    void insert(SignedEntry e, long now) throws SQLException {
        if (insertStatement == null) {
            // Rows are addressed by (link, author, seq); see the connection's settings.
            insertStatement = connection.prepareStatement(
                    "INSERT INTO entry (link, author, seq, hash, bytes, signature, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        }
        bindRow(insertStatement, e, now);
        insertStatement.executeUpdate();
    }

    /** Both tables' rows: link, author, seq, hash, bytes, signature, and when it came. */
    private static void bindRow(PreparedStatement s, SignedEntry e, long now) throws SQLException {
        bindLog(s, e.log());
        s.setLong(3, e.seq());
        s.setBytes(4, e.hash().toBytes());
        s.setBytes(5, e.bytes());
        s.setBytes(6, e.signature());
        s.setLong(7, now);
    }

    /** The highest stored entry of a log ({@link Head#EMPTY} if there is none). */
    Head head(LogId log) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT seq, hash FROM entry WHERE link = ? AND author = ? ORDER BY seq DESC LIMIT 1")) {
            bindLog(s, log);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), EntryHash.fromBytes(rs.getBytes(2))) : Head.EMPTY;
            }
        }
    }

    /** The hash stored at {@code seq}, which is at or below the log's head. */
    EntryHash storedHash(LogId log, long seq) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT hash FROM entry WHERE link = ? AND author = ? AND seq = ?")) {
            bindLog(s, log);
            s.setLong(3, seq);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("store " + where + " lacks " + log + " seq " + seq + " below its head");
                }
                return EntryHash.fromBytes(rs.getBytes(1));
            }
        }
    }

    void recordEquivocation(SignedEntry e, long now) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO equivocation (link, author, seq, hash, bytes, signature, detected_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            bindRow(s, e, now);
            s.executeUpdate();
        }
    }

    /** Inserts a finding unless one for the same entry and rule is held (a resent entry is found again). */
    void recordFinding(IntakeFinding f) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO intake_finding (link, author, seq, hash, rule, message, bytes, signature, seen_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            bindLog(s, f.log());
            s.setLong(3, f.seq());
            s.setBytes(4, f.hash().toBytes());
            s.setString(5, f.rule());
            s.setString(6, f.message());
            s.setBytes(7, f.unreadable().map(RawEntry::bytes).orElse(null));
            s.setBytes(8, f.unreadable().map(RawEntry::signature).orElse(null));
            s.setLong(9, f.seen().toEpochMilli());
            s.executeUpdate();
        }
    }

    List<IntakeFinding> findings(LogId log) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT seq, hash, rule, message, bytes, signature, seen_at FROM intake_finding "
                        + "WHERE link = ? AND author = ? ORDER BY id")) {
            bindLog(s, log);
            List<IntakeFinding> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byte[] bytes = rs.getBytes(5);
                    byte[] signature = rs.getBytes(6);
                    Optional<RawEntry> unreadable = bytes == null || signature == null ? Optional.empty()
                            : Optional.of(RawEntry.of(bytes, signature));
                    out.add(new IntakeFinding(log, rs.getLong(1), EntryHash.fromBytes(rs.getBytes(2)), rs.getString(3),
                            rs.getString(4), Instant.ofEpochMilli(rs.getLong(7)), unreadable));
                }
            }
            return out;
        }
    }

    List<SignedEntry> read(LogId log, long fromSeq, int max) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT seq, bytes, signature FROM entry WHERE link = ? AND author = ? AND seq >= ? "
                        + "ORDER BY seq LIMIT ?")) {
            bindLog(s, log);
            s.setLong(3, fromSeq);
            s.setInt(4, max);
            List<SignedEntry> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(parseStored(log, rs.getLong(1), rs.getBytes(2), rs.getBytes(3)));
                }
            }
            return out;
        }
    }

    List<LogId> logs() throws SQLException {
        return logsIn("entry");
    }

    /** Every log named in {@code table}, ordered as SQLite orders text (by code point), whatever the database's collation. */
    List<LogId> logsIn(String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT DISTINCT link, author FROM " + table);
                ResultSet rs = s.executeQuery()) {
            List<LogId> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new LogId(LinkId.parse(rs.getString(1)), StationId.of(rs.getString(2))));
            }
            out.sort(Comparator.comparing((LogId l) -> l.link().toString()).thenComparing(l -> l.author().toString()));
            return out;
        }
    }

    /** Whether no table holds a row: what a store copy's target must be. */
    boolean isEmpty() throws SQLException {
        for (String table : List.of("entry", "equivocation", "intake_finding")) {
            try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM " + table + " LIMIT 1");
                    ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Entries {@code fromSeq} onwards with when each was stored, in seq order, at most {@code max}: what a copy moves. */
    List<StoredEntry> readStored(LogId log, long fromSeq, int max) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT seq, bytes, signature, stored_at FROM entry WHERE link = ? AND author = ? AND seq >= ? "
                        + "ORDER BY seq LIMIT ?")) {
            bindLog(s, log);
            s.setLong(3, fromSeq);
            s.setInt(4, max);
            List<StoredEntry> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEntry(parseStored(log, rs.getLong(1), rs.getBytes(2), rs.getBytes(3)),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return out;
        }
    }

    private record EvidenceRow(long seq, SignedEntry conflicting, long detectedAt) {
    }

    List<Equivocation> equivocations(LogId log) throws SQLException {
        List<EvidenceRow> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT seq, bytes, signature, detected_at FROM equivocation WHERE link = ? AND author = ? ORDER BY id")) {
            bindLog(s, log);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new EvidenceRow(rs.getLong(1), SignedEntry.parse(rs.getBytes(2), rs.getBytes(3)), rs.getLong(4)));
                }
            }
        }
        List<Equivocation> out = new ArrayList<>();
        for (EvidenceRow r : rows) {
            StoredRow first = readOne(log, r.seq());
            out.add(new Equivocation(first.entry(), Instant.ofEpochMilli(first.storedAt()), r.conflicting(),
                    Instant.ofEpochMilli(r.detectedAt())));
        }
        return out;
    }

    /** When {@code seq} of {@code log} was stored, if it is. */
    Optional<Instant> storedAt(LogId log, long seq) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT stored_at FROM entry WHERE link = ? AND author = ? AND seq = ?")) {
            bindLog(s, log);
            s.setLong(3, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        }
    }

    private record StoredRow(SignedEntry entry, long storedAt) {
    }

    private StoredRow readOne(LogId log, long seq) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT bytes, signature, stored_at FROM entry WHERE link = ? AND author = ? AND seq = ?")) {
            bindLog(s, log);
            s.setLong(3, seq);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("store " + where + " is corrupt: equivocation evidence names " + log
                            + " seq " + seq + ", which is not stored");
                }
                return new StoredRow(parseStored(log, seq, rs.getBytes(1), rs.getBytes(2)), rs.getLong(3));
            }
        }
    }

    private SignedEntry parseStored(LogId log, long seq, byte[] bytes, byte[] signature) {
        try {
            SignedEntry e = SignedEntry.parse(bytes, signature);
            if (!e.log().equals(log) || e.seq() != seq) {
                throw new StoreException("store " + where + " is corrupt: the row for " + log + " seq " + seq
                        + " holds " + e + ". Restore the store from a backup.");
            }
            return e;
        } catch (MalformedEntryException ex) {
            throw new StoreException("store " + where + " is corrupt: " + log + " seq " + seq + " is unreadable ("
                    + ex.getMessage() + "). Restore the store from a backup.", ex);
        }
    }

    private static void bindLog(PreparedStatement s, LogId log) throws SQLException {
        s.setString(1, log.link().toString());
        s.setString(2, log.author().toString());
    }

    /** Closes the statements, then the connection; best effort, each part even when another fails. */
    @Override
    public void close() {
        closeQuietly(insertStatement);
        closeQuietly(beginStatement);
        closeQuietly(commitStatement);
        closeQuietly(connection);
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Closing is best effort; each part is closed even when another fails.
            }
        }
    }
}
