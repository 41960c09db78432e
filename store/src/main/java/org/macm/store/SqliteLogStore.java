package org.macm.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}, so a commit
 * returns only after its WAL frames are fsynced. What it shares with the PostgreSQL store
 * (the writer, the chain rules, the cache) is {@link JdbcLogStore}'s; here are only SQLite's
 * own parts:
 *
 * <ul>
 *   <li>{@link SqliteOpener} and {@link StoreLock}: opening the file, one process per store;
 *   <li>the writer's one connection, and one for readers, taken in turn;
 *   <li>{@link WalCheckpointer}: copying the WAL back, between commits;
 *   <li>{@link SqliteErrors}: what a failure means for the file.
 * </ul>
 */
public final class SqliteLogStore extends JdbcLogStore {
    /** How often the WAL is copied back into the database file (see WalCheckpointer). */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    /** Entries of each log kept in memory for readers that follow its head. */
    static final int TAIL_ENTRIES = JdbcLogStore.TAIL_ENTRIES;

    private final Path file;
    private final StoreLock lock;
    private final Session session;
    private final SingleReader readers;
    private final WalCheckpointer checkpointer;

    private SqliteLogStore(Path file, Clock clock, StoreLock lock, Session session, SingleReader readers,
            WalCheckpointer checkpointer) {
        super(session, readers, clock);
        this.file = file;
        this.lock = lock;
        this.session = session;
        this.readers = readers;
        this.checkpointer = checkpointer;
    }

    /** Puts the opened parts together and starts the writer and the checkpointer; called once by the opener. */
    static SqliteLogStore start(Path file, Clock clock, StoreLock lock, EntryTable writeTable, EntryTable readTable,
            WalCheckpointer checkpointer) {
        SqliteLogStore store = new SqliteLogStore(file, clock, lock, new Session(file, writeTable, checkpointer),
                new SingleReader(file, readTable), checkpointer);
        store.startWriter();
        checkpointer.start();
        return store;
    }

    /** Opens (creating if absent) the store at {@code file}, bringing its schema up to date. */
    public static SqliteLogStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static SqliteLogStore open(Path file, Clock clock) {
        return SqliteOpener.open(file, clock);
    }

    public Path file() {
        return file;
    }

    /** Closes checkpointer, connections and lock, in that order, once the writer has finished. */
    @Override
    void closeEngine() {
        checkpointer.close();
        readers.close();
        session.close();
        lock.close();
    }

    /** The writer's side: one connection for the store's life; the WAL is copied back between commits. */
    private record Session(Path file, EntryTable table, WalCheckpointer checkpointer) implements WriteSession {
        @Override
        public String where() {
            return file.toString();
        }

        @Override
        public EntryTable table() {
            return table;
        }

        @Override
        public void begun(EntryTable t) {
            // SQLite has one writer per file (the lock file), so there is nothing to check.
        }

        @Override
        public void betweenCommits() {
            checkpointer.finishOn(table.connection());
        }

        @Override
        public StoreException failed(Exception e) {
            if (e instanceof SQLException sql) {
                return SqliteErrors.translate(sql, file, "store entries");
            }
            return e instanceof StoreException se ? se
                    : new StoreException("cannot store entries in " + file + ": " + e, e);
        }

        @Override
        public void close() {
            table.close();
        }
    }

    /** The readers' side: one connection, one query at a time, under the table's monitor. */
    private record SingleReader(Path file, EntryTable table) implements Readers {
        @Override
        public <T> T read(String action, Query<T> query) {
            synchronized (table) {
                try {
                    return query.run(table);
                } catch (SQLException e) {
                    throw SqliteErrors.translate(e, file, action);
                }
            }
        }

        @Override
        public void close() {
            table.close();
        }
    }
}
