package org.macm.store;

/**
 * Hears how each group commit of a store went, on the store's writer thread: what a station's
 * metrics count (commit latency, failures) without the store knowing of any metrics library.
 * It must return at once and never throw: the writer waits for it before completing the writes.
 */
public interface CommitObserver {
    /** A commit carrying {@code writes} writes became durable after {@code nanos} in the transaction. */
    void committed(int writes, long nanos);

    /** A commit failed (disk full, read-only file) and was rolled back. */
    void failed();
}
