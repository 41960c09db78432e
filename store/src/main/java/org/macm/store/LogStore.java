package org.macm.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;

/**
 * Durable storage for a station's logs: its own (one per peer) and its copies of the
 * peers'. Entries are stored as their exact bytes and signature and never rewritten.
 *
 * <p>Every write returns only once it is durable (fsynced). Concurrent writes share one
 * fsync (group commit), which is how throughput passes the disk's fsync rate. The store
 * checks the chain of everything it stores (seq follows head, prev is the head's hash) by
 * the rules of {@link ChainCheck}, which every implementation shares; checking signatures is
 * the caller's job, done before a peer entry is offered.
 */
public interface LogStore extends AutoCloseable {

    /**
     * Appends the next entry of one of this station's own logs and waits until it is durable.
     * {@code factory} is given the current head and returns the entry that follows it.
     */
    SignedEntry append(LogId log, EntryFactory factory);

    /** As {@link #append}, completing when the entry is durable. */
    CompletableFuture<SignedEntry> appendAsync(LogId log, EntryFactory factory);

    /**
     * Stores entries of a peer's log, in order, idempotently, and returns one outcome per entry
     * once the stored ones are durable. Callers must have verified each entry's signature.
     */
    default List<IntakeOutcome> storePeer(List<SignedEntry> entries) {
        return storePeer(entries, List.of());
    }

    /**
     * As {@link #storePeer(List)}, and records {@code findings} in the same commit: what
     * intake found wrong with validly signed entries (an entry that breaks an agree rule is
     * stored with its finding, never without it). With no entries, records the findings alone.
     */
    List<IntakeOutcome> storePeer(List<SignedEntry> entries, List<IntakeFinding> findings);

    /**
     * As {@link #storePeer(List, List)}, and appends to own log {@code ownLog}, in the same
     * commit and after the entries, the receipt {@code receipts} lays out for them, if it lays
     * one out (docs/PROTOCOL.md §10 step 4): the receipt is durable exactly when the entries are,
     * so it costs no fsync of its own and can never name an entry that a crash could lose. The
     * store refuses (alone) a receipt or any own entry that states a peer head it does not hold
     * in that commit or before. Callers must not store other entries of the peer's log at the
     * same time (intake takes one batch per peer at a time).
     */
    PeerStored storePeer(List<SignedEntry> entries, List<IntakeFinding> findings, LogId ownLog,
            ReceiptFactory receipts);

    /**
     * As {@link #storePeer(List, List, LogId, ReceiptFactory)}, completing when the commit is
     * durable; what depends on the completion runs as the commit completes, on the store's
     * writer, so the receipt can be sent without waiting for the caller's thread to be scheduled.
     */
    CompletableFuture<PeerStored> storePeerAsync(List<SignedEntry> entries, List<IntakeFinding> findings, LogId ownLog,
            ReceiptFactory receipts);

    /** The highest durable entry of a log ({@link Head#EMPTY} if there is none). */
    Head head(LogId log);

    /** Entries {@code fromSeq} onwards, in seq order, at most {@code max} of them. */
    List<SignedEntry> read(LogId log, long fromSeq, int max);

    /** One entry, if stored. */
    Optional<SignedEntry> get(LogId log, long seq);

    /**
     * When entry {@code seq} of {@code log} was stored durably here, by this store's clock, if
     * it is stored: for a peer's entry, the receiving station's time of receipt until its own
     * log says more (docs/PROTOCOL.md §14).
     */
    Optional<Instant> storedAt(LogId log, long seq);

    /**
     * Why writes are failing now (a full disk, a read-only file), since when, or empty when the
     * last commit succeeded: what a station's status shows the duty officer.
     */
    Optional<Failure> failure();

    /** A store that cannot commit: the message says what to do; {@code since} is the first failure in a row. */
    record Failure(String message, Instant since) {
    }

    /** Every log that has at least one entry. */
    List<LogId> logs();

    /** What intake found wrong with entries of a peer's log, oldest first. */
    List<IntakeFinding> findings(LogId log);

    /** Evidence of equivocation recorded for a log, oldest first. */
    List<Equivocation> equivocations(LogId log);

    /**
     * Tells {@code observer} of every commit from now on (a station's metrics). A store that
     * has no group commit of its own hears nothing: the default does nothing.
     */
    default void observeCommits(CommitObserver observer) {
    }

    /** Stops accepting writes, finishes those under way, releases the file. Idempotent. */
    @Override
    void close();
}
