package org.macm.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.sqlite.SQLiteConfig;

/**
 * Opens a SQLite store: takes its lock file, connects (WAL, {@code synchronous=FULL}), brings
 * the schema up to date, refuses a file it cannot write, and hands the connections to a new
 * {@link SqliteLogStore}. Whatever it opened is closed again if a later step fails.
 */
final class SqliteOpener {
    private SqliteOpener() {
    }

    static SqliteLogStore open(Path file, Clock clock) {
        Path absolute = file.toAbsolutePath();
        StoreLock lock = null;
        Connection write = null;
        Connection read = null;
        Connection checkpoint = null;
        try {
            Path parent = absolute.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new StoreException("cannot open store " + absolute + ": folder " + parent + " does not exist");
            }
            lock = StoreLock.acquire(absolute);
            write = connect(absolute);
            Migrations.apply(write, Dialect.SQLITE);
            requireWritable(write);
            EntryTable.execute(write, "PRAGMA wal_autocheckpoint=0"); // see WalCheckpointer
            read = connect(absolute);
            checkpoint = connect(absolute);
            String where = absolute.toString();
            return SqliteLogStore.start(absolute, clock, lock, new EntryTable(write, Dialect.SQLITE, where),
                    new EntryTable(read, Dialect.SQLITE, where),
                    new WalCheckpointer(checkpoint, SqliteLogStore.CHECKPOINT_INTERVAL));
        } catch (SQLException e) {
            closeAll(checkpoint, read, write, lock);
            throw SqliteErrors.translate(e, absolute, "open the store");
        } catch (IOException e) {
            closeAll(checkpoint, read, write, lock);
            throw new StoreException("cannot open store " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAll(checkpoint, read, write, lock);
            throw e;
        }
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5_000);
        config.enforceForeignKeys(true);
        // Rows are addressed by (link, author, seq); asking SQLite for the rowid after every insert is wasted work.
        config.setGetGeneratedKeys(false);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        // Fail fast on a file that is not a database, instead of at the first write.
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM sqlite_master");
                ResultSet rs = s.executeQuery()) {
            rs.next();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Takes and drops the write lock, so a read-only store is refused at open, not at the first send. */
    private static void requireWritable(Connection c) throws SQLException {
        EntryTable.execute(c, "BEGIN IMMEDIATE");
        EntryTable.execute(c, "ROLLBACK");
    }

    private static void closeAll(AutoCloseable... parts) {
        for (AutoCloseable c : parts) {
            EntryTable.closeQuietly(c);
        }
    }
}
