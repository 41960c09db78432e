package org.macm.station.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.macm.core.log.Body;
import org.macm.core.log.EntryKind;
import org.macm.core.log.Head;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.macm.station.Station;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the station's receipts: decides when one is due (see {@link #writeDue}) and writes
 * them off the link's reader threads. A path's reader asks for a receipt after each batch it
 * stored and goes straight back to reading, so the next batch is stored while the receipt is
 * signed and fsynced (they share a commit); requests that arrive meanwhile are folded into
 * one more receipt, which covers everything held by then. A receipt that fails (disk full) is
 * retried at the next request; the scheduler asks once a tick as well.
 */
public final class ReceiptWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptWriter.class);
    private static final int RECEIPT_WINDOW = 64;

    private final Station station;
    private final Map<StationId, Worker> workers = new ConcurrentHashMap<>();
    private final Map<StationId, ReceiptState> receiptStates = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ReceiptWriter(Station station) {
        this.station = station;
    }

    /**
     * Writes a receipt for everything of {@code peer}'s log held durably, if anything beyond
     * the last receipt needs one. Entries are durable before this is called (receive returns
     * only then), so a receipt never covers an entry that could still be lost. Receipts are not
     * receipted in turn, or two stations would answer each other for ever: the next entry's
     * {@code peerHead} already says that a receipt arrived.
     */
    public Optional<SignedEntry> writeDue(StationId peer) {
        ReceiptState st = receiptStates.computeIfAbsent(peer, this::initialReceiptState);
        synchronized (st) {
            Head held = station.store().head(station.peerLog(peer));
            // Only the entries that arrived since the last look are read: a receipt costs what is new,
            // not the length of the log.
            for (long from = st.checked + 1; from <= held.seq(); from += RECEIPT_WINDOW) {
                int n = (int) Math.min(RECEIPT_WINDOW, held.seq() - from + 1);
                for (SignedEntry e : station.store().read(station.peerLog(peer), from, n)) {
                    st.due |= e.entry().kind() != EntryKind.RECEIPT;
                }
            }
            st.checked = Math.max(st.checked, held.seq());
            if (!st.due || held.seq() <= st.covered) {
                return Optional.empty();
            }
            SignedEntry receipt = station.write(peer, new Body.Receipt(held));
            st.covered = held.seq();
            st.due = false;
            return Optional.of(receipt);
        }
    }

    /** Per peer: what the last receipt covered, how far the peer's log has been looked at, whether a receipt is due. */
    private static final class ReceiptState {
        long covered;
        long checked;
        boolean due;
    }

    /** Reads the log once, at the first receipt after the station opens; afterwards the state is kept. */
    private ReceiptState initialReceiptState(StationId peer) {
        ReceiptState st = new ReceiptState();
        st.covered = lastReceipted(peer);
        st.checked = st.covered;
        return st;
    }

    private long lastReceipted(StationId peer) {
        // Receipts are frequent, so the newest is near the head: read backwards in windows.
        for (long to = station.store().head(station.ownLog(peer)).seq(); to >= 1; to -= RECEIPT_WINDOW) {
            long from = Math.max(1, to - RECEIPT_WINDOW + 1);
            long receipted = 0;
            for (SignedEntry e : station.store().read(station.ownLog(peer), from, (int) (to - from + 1))) {
                if (e.entry().body() instanceof Body.Receipt r) {
                    receipted = Math.max(receipted, r.upTo().seq());
                }
            }
            if (receipted > 0) {
                return receipted;
            }
        }
        return 0;
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
                            writeDue(peer);
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

    /** Stops answering requests and waits (a few seconds at most) for each receipt under way. */
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
