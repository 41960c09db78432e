package org.macm.station.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes receipts off the link's reader threads. A path's reader asks for a receipt after each
 * batch it stored and goes straight back to reading, so the next batch is stored while the
 * receipt is signed and fsynced (they share a commit); requests that arrive meanwhile are
 * folded into one more receipt, which covers everything held by then. A receipt that fails
 * (disk full) is retried at the next request; the scheduler asks once a tick as well.
 */
final class ReceiptWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptWriter.class);

    private final Station station;
    private final Map<StationId, Worker> workers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ReceiptWriter(Station station) {
        this.station = station;
    }

    /** Asks for a receipt for what is held of {@code peer}'s log; returns at once. */
    void request(StationId peer) {
        if (closed) {
            return;
        }
        Worker w = workers.computeIfAbsent(peer, Worker::new);
        w.requested.set(true);
        if (w.running.compareAndSet(false, true)) {
            Thread.ofVirtual().name("macm-receipts-" + peer).start(w);
        }
    }

    /** One peer's receipts: at most one writer at a time, and no request left unanswered. */
    private final class Worker implements Runnable {
        private final StationId peer;
        private final AtomicBoolean requested = new AtomicBoolean();
        private final AtomicBoolean running = new AtomicBoolean();
        /** Held while a receipt is written, so close can wait for the one under way. */
        private final ReentrantLock writing = new ReentrantLock();

        Worker(StationId peer) {
            this.peer = peer;
        }

        @Override
        public void run() {
            do {
                while (!closed && requested.getAndSet(false)) {
                    writing.lock();
                    try {
                        if (!closed) {
                            station.receipt(peer);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("could not write a receipt to {}: {} (retried at the next request)", peer, e.getMessage());
                    } finally {
                        writing.unlock();
                    }
                }
                running.set(false);
                // A request that came after the loop's last look but before running was cleared
                // found running set and started nobody: take it here.
            } while (!closed && requested.get() && running.compareAndSet(false, true));
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Worker w : workers.values()) {
            try {
                // The store closes next: let a receipt under way finish first.
                if (w.writing.tryLock(5, TimeUnit.SECONDS)) {
                    w.writing.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
