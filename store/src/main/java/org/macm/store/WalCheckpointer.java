package org.macm.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Copies the write-ahead log back into the database file on its own thread and connection.
 * Left to SQLite, the checkpoint runs inside whichever commit crosses the WAL size limit:
 * that commit (and every write queued behind it) then waits for the database file to be
 * written and fsynced. A PASSIVE checkpoint here never blocks the writer; if one fails (a
 * full disk) the WAL simply grows until the next one succeeds, and nothing stored is at risk.
 */
final class WalCheckpointer implements AutoCloseable {
    private final Connection connection;
    private final Duration interval;
    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);

    WalCheckpointer(Connection connection, Duration interval) {
        this.connection = connection;
        this.interval = interval;
        this.thread = new Thread(this::run, "macm-store-checkpoint");
        this.thread.setDaemon(true);
    }

    WalCheckpointer start() {
        thread.start();
        return this;
    }

    private void run() {
        try (Statement s = connection.createStatement()) {
            while (!stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                } catch (SQLException e) {
                    // Disk full or busy: the WAL keeps every commit safe meanwhile; try again next time.
                }
            }
        } catch (SQLException e) {
            // No statement, no checkpoints: the WAL grows, and closing the store checkpoints it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort; the store's own connections close after this.
        }
    }
}
