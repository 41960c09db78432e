package org.macm.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Copies the write-ahead log back into the database file on its own thread and connection.
 * Left to SQLite, the checkpoint runs inside whichever commit crosses the WAL size limit:
 * that commit (and every write queued behind it) then waits for the database file to be
 * written and fsynced. A PASSIVE checkpoint here never blocks the writer; if one fails (a
 * full disk) the WAL simply grows until the next one succeeds, and nothing stored is at risk.
 *
 * <p>SQLite starts the WAL again from its beginning only when a writer finds every frame
 * already copied, which under steady load never happens by itself (commits land while the
 * checkpoint runs): the WAL grew by 15 MB a second at 1,000 round trips a second. So after
 * each checkpoint here the writer, between two commits, copies the few frames committed
 * meanwhile ({@link #finishOn}), and its next transaction restarts the WAL.
 */
final class WalCheckpointer implements AutoCloseable {
    private final Connection connection;
    private final Duration interval;
    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicBoolean completed = new AtomicBoolean();

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
                    completed.set(true);
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

    /**
     * Called by the store's writer between commits, on its own connection: if a checkpoint has
     * completed since the last call, copies what was committed since, so that the writer's
     * next transaction starts the WAL again. A failure is left for the next round.
     */
    void finishOn(Connection writer) {
        if (!completed.getAndSet(false)) {
            return;
        }
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            // As above: the WAL keeps everything safe; the next round tries again.
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
