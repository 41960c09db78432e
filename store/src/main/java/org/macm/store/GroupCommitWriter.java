package org.macm.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.macm.core.log.EntryDraft;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;

/**
 * The store's one writer: an agent on its own thread that takes whatever writes are queued
 * (up to {@link #MAX_BATCH}), applies them in one transaction and commits once: group commit,
 * many entries for one fsync. An own-log append assigns seq and prev under that log's lock
 * and queues the draft in the same critical section, so the queue holds each log's entries
 * in chain order; the writer still re-checks every chain against what is durable before it
 * inserts ({@link ChainCheck}).
 *
 * <p>The rules a commit applies are {@link BatchTransaction}'s; what differs between SQLite
 * and PostgreSQL (the connection, a check in each transaction, work between commits, what an
 * error means) is behind {@link WriteSession}, so both engines share this writer whole.
 *
 * <p>If a commit fails (disk full, read-only file, the server gone, a lost lease), the
 * transaction is rolled back, every write in it and every queued write that chained onto it
 * fails with the same clear error, and the log's pending and cached heads are dropped so the
 * next append starts again from what is durable (read anew from the database: a commit whose
 * connection broke may have been made all the same). The heads are dropped <em>before</em> any
 * caller learns of the failure: a caller that retries at once must chain onto the durable
 * head, not onto the failed entry.
 *
 * <p>Lifecycle: {@link #start}, then writes until {@link #close}, which refuses new writes,
 * lets the queued ones commit and waits for the thread.
 */
final class GroupCommitWriter implements AutoCloseable {
    /** The most writes one transaction takes. */
    static final int MAX_BATCH = 1024;
    /** Commits in a row that found writes already waiting, after which the writer counts as busy. */
    static final int BUSY_COMMITS = 4;
    /** How long a busy writer lets writes gather before it commits (see writeLoop). */
    static final long GROUP_WINDOW_NANOS = 500_000;

    private final WriteSession session;
    private final Clock clock;
    private final DurableCache cache;
    /** Reads a durable head when no append to the log is pending (on the readers' connection). */
    private final Function<LogId, Head> durableHead;
    private final Thread thread;
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Map<LogId, ReentrantLock> logLocks = new ConcurrentHashMap<>();
    /** Own logs: head including entries queued but not yet durable. Guarded by the log lock. */
    private final Map<LogId, Head> pendingHeads = new ConcurrentHashMap<>();
    /** Writers enqueue under the read side; close takes the write side, so nothing is queued after it. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private final LongAdder commits = new LongAdder();
    private final LongAdder committedWrites = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    /** Set when a commit fails, cleared by the next one that succeeds. */
    private final AtomicReference<LogStore.Failure> failure = new AtomicReference<>();
    /** Who hears of each commit (a station's metrics); usually none. */
    private final List<CommitObserver> observers = new CopyOnWriteArrayList<>();

    /** One queued write; the writer applies it with {@link BatchTransaction}. */
    sealed interface Write permits OwnAppend, PeerStore, Import {
    }

    /** An own-log append: queued in chain order as a draft, signed by its sender while it waits. */
    record OwnAppend(EntryDraft draft, CompletableFuture<SignedEntry> signed,
            CompletableFuture<SignedEntry> done) implements Write {
    }

    /** A peer's entries and intake's findings, and the receipt for them if one is owed: one commit for all. */
    record PeerStore(List<SignedEntry> entries, List<IntakeFinding> findings, Optional<OwnAppend> receipt,
            CompletableFuture<PeerStored> done) implements Write {
    }

    /** Rows of another store, with their stored times, copied into this one ({@link StoreCopy}). */
    record Import(List<StoredEntry> entries, List<Equivocation> equivocations, List<IntakeFinding> findings,
            CompletableFuture<Void> done) implements Write {
    }

    GroupCommitWriter(WriteSession session, Clock clock, DurableCache cache, Function<LogId, Head> durableHead) {
        this.session = session;
        this.clock = clock;
        this.cache = cache;
        this.durableHead = durableHead;
        this.thread = new Thread(this::writeLoop, "macm-store-writer");
        this.thread.setDaemon(true);
    }

    GroupCommitWriter start() {
        thread.start();
        return this;
    }

    void requireOpen() {
        if (closed) {
            throw new StoreException("store " + session.where() + " is closed");
        }
    }

    Optional<LogStore.Failure> failure() {
        return Optional.ofNullable(failure.get());
    }

    void observe(CommitObserver observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
    }

    CommitStats stats() {
        return new CommitStats(commits.sum(), committedWrites.sum(), commitNanos.sum());
    }

    /** Queues the entry that follows the log's head and signs it on the caller's thread; completes when durable. */
    CompletableFuture<SignedEntry> append(LogId log, EntryFactory factory) {
        Objects.requireNonNull(factory, "factory");
        OwnAppend op = enqueueOwn(log, head -> Optional.of(factory.next(head)), Optional::orElseThrow).orElseThrow();
        sign(op);
        return op.done();
    }

    /**
     * Queues a peer's entries and what intake found wrong with them; completes with one outcome
     * per entry once the stored ones, and the findings, are durable (in the same commit).
     */
    CompletableFuture<List<IntakeOutcome>> storePeer(List<SignedEntry> entries, List<IntakeFinding> findings) {
        CompletableFuture<PeerStored> done = new CompletableFuture<>();
        lifecycle.readLock().lock();
        try {
            requireOpen();
            queue.add(new PeerStore(List.copyOf(entries), List.copyOf(findings), Optional.empty(), done));
        } finally {
            lifecycle.readLock().unlock();
        }
        return done.thenApply(PeerStored::outcomes);
    }

    /** Queues rows copied from another store; completes when they are durable (see {@link Import}). */
    CompletableFuture<Void> importRows(List<StoredEntry> entries, List<Equivocation> equivocations,
            List<IntakeFinding> findings) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        lifecycle.readLock().lock();
        try {
            requireOpen();
            queue.add(new Import(List.copyOf(entries), List.copyOf(equivocations), List.copyOf(findings), done));
        } finally {
            lifecycle.readLock().unlock();
        }
        return done;
    }

    /**
     * As {@link #storePeer(List, List)}, with the receipt {@code receipts} lays out appended to
     * {@code ownLog} after the entries, in the same commit. It is laid out under the own log's
     * lock, as an append is, so it takes its place in that log's chain; the peer log's head it is
     * given assumes no other write to that log is queued (intake stores one batch per peer at a
     * time), and the commit checks it again (BatchTransaction).
     */
    CompletableFuture<PeerStored> storePeer(List<SignedEntry> entries, List<IntakeFinding> findings, LogId ownLog,
            ReceiptFactory receipts) {
        Objects.requireNonNull(receipts, "receipts");
        CompletableFuture<PeerStored> done = new CompletableFuture<>();
        LogId peerLog = ownLog.opposite();
        Optional<OwnAppend> receipt = enqueueOwn(ownLog,
                head -> receipts.next(head, ChainCheck.headAfter(cache.head(peerLog)
                        .orElseGet(() -> durableHead.apply(peerLog)), entries)),
                op -> new PeerStore(List.copyOf(entries), List.copyOf(findings), op, done));
        // Signed here, outside the lock, while the writer may already be applying the entries.
        receipt.ifPresent(GroupCommitWriter::sign);
        return done;
    }

    /**
     * Lays out the next entry of own log {@code log} under its lock (or none, if {@code layOut}
     * says so) and queues the write {@code queued} makes of it in the same critical section, so
     * that the queue holds each log's entries in chain order; the draft is signed afterwards,
     * outside the lock, so concurrent senders sign in parallel.
     */
    private Optional<OwnAppend> enqueueOwn(LogId log, Function<Head, Optional<EntryDraft>> layOut,
            Function<Optional<OwnAppend>, Write> queued) {
        ReentrantLock lock = logLock(log);
        lock.lock();
        lifecycle.readLock().lock();
        try {
            requireOpen();
            Head head = pendingHeads.get(log);
            if (head == null) {
                head = durableHead.apply(log);
            }
            Optional<EntryDraft> draft = layOut.apply(head);
            if (draft.isPresent() && (!draft.get().log().equals(log)
                    || !ChainCheck.follows(head, draft.get().seq(), draft.get().entry().prev()))) {
                throw new StoreException("entry factory for " + log + " returned " + draft.get()
                        + " which does not follow " + head);
            }
            Optional<OwnAppend> op = draft.map(d -> new OwnAppend(d, new CompletableFuture<>(), new CompletableFuture<>()));
            queue.add(queued.apply(op));
            op.ifPresent(o -> pendingHeads.put(log, o.draft().head()));
            return op;
        } finally {
            lifecycle.readLock().unlock();
            lock.unlock();
        }
    }

    private static void sign(OwnAppend op) {
        try {
            op.signed().complete(op.draft().sign());
        } catch (RuntimeException e) {
            op.signed().completeExceptionally(e);
        }
    }

    private ReentrantLock logLock(LogId log) {
        return logLocks.computeIfAbsent(log, l -> new ReentrantLock());
    }

    // ---- the writer thread ---------------------------------------------------------------

    private void writeLoop() {
        List<Write> batch = new ArrayList<>(MAX_BATCH);
        int busyCommits = 0;
        while (true) {
            Write first = queue.poll();
            if (first != null) {
                busyCommits++;
            } else {
                busyCommits = 0;
                try {
                    first = queue.poll(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (first == null) {
                    if (closed) {
                        break;
                    }
                    continue;
                }
            }
            batch.clear();
            batch.add(first);
            if (busyCommits >= BUSY_COMMITS) {
                // Writes have been waiting at every one of the last commits: under that load, let a
                // few more join this one, so that a burst costs a few fsyncs (and a few receipts
                // at the peer) rather than one each. A store that has just been idle never waits
                // here, so a lone message is committed at once.
                LockSupport.parkNanos(GROUP_WINDOW_NANOS);
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            commitBatch(batch);
            session.betweenCommits();
        }
        // Closed: nothing more can be queued, so finish what is there.
        while (!queue.isEmpty()) {
            batch.clear();
            queue.drainTo(batch, MAX_BATCH);
            commitBatch(batch);
        }
    }

    private void commitBatch(List<Write> batch) {
        long started = System.nanoTime();
        BatchTransaction tx;
        EntryTable table = null;
        try {
            table = session.table();
            tx = new BatchTransaction(table, cache, clock.millis());
            table.begin();
            session.begun(table);
            for (Write w : batch) {
                tx.apply(w);
            }
            table.commit();
        } catch (SQLException | RuntimeException e) {
            if (table != null) {
                table.abort();
            }
            observers.forEach(CommitObserver::failed);
            failBatch(batch, e);
            return;
        }
        long nanos = System.nanoTime() - started;
        failure.set(null);
        commits.increment();
        committedWrites.add(batch.size());
        commitNanos.add(nanos);
        observers.forEach(o -> o.committed(batch.size(), nanos));
        // Cache before completions: whoever learns that a write is durable can read it.
        cache.committed(tx.inserted, tx.tentative);
        // Reset before completions: whoever learns that an append failed and retries chains onto what is durable.
        if (!tx.brokenOwnLogs.isEmpty()) {
            resetOwnLogs(tx.brokenOwnLogs, new StoreException("an earlier append to this log failed; retry the send"));
        }
        tx.completions.forEach(Runnable::run);
    }

    /**
     * A commit failed: say so in failure(), drop the heads of the own logs it carried, then fail
     * its writes. Everything cached is dropped too, to be read again from the database: a commit
     * whose connection broke at COMMIT may have been made all the same.
     */
    private void failBatch(List<Write> batch, Exception e) {
        StoreException error = session.failed(e);
        cache.forgetAll();
        Instant since = clock.instant();
        failure.updateAndGet(f -> new LogStore.Failure(error.getMessage(), f == null ? since : f.since()));
        Set<LogId> ownLogs = new HashSet<>();
        for (Write w : batch) {
            switch (w) {
                case OwnAppend a -> ownLogs.add(a.draft().log());
                case PeerStore p -> p.receipt().ifPresent(r -> ownLogs.add(r.draft().log()));
                case Import i -> {
                    // No own log: a copy fills a store nobody writes to yet.
                }
            }
        }
        resetOwnLogs(ownLogs, error);
        for (Write w : batch) {
            switch (w) {
                case OwnAppend a -> a.done().completeExceptionally(error);
                case PeerStore p -> {
                    p.receipt().ifPresent(r -> r.done().completeExceptionally(error));
                    p.done().completeExceptionally(error);
                }
                case Import i -> i.done().completeExceptionally(error);
            }
        }
    }

    /**
     * Drops queued appends and cached heads of logs whose chain broke, under each log's lock;
     * the dropped appends fail only afterwards, so none of their callers finds a stale head.
     */
    private void resetOwnLogs(Set<LogId> logs, StoreException cause) {
        List<OwnAppend> dropped = new ArrayList<>();
        for (LogId log : logs) {
            ReentrantLock lock = logLock(log);
            lock.lock();
            try {
                queue.removeIf(w -> {
                    if (w instanceof OwnAppend a && a.draft().log().equals(log)) {
                        dropped.add(a);
                        return true;
                    }
                    return false;
                });
                pendingHeads.remove(log);
                cache.forgetHead(log);
            } finally {
                lock.unlock();
            }
        }
        dropped.forEach(a -> a.done().completeExceptionally(cause));
    }

    /** Refuses new writes, lets the queued ones commit and waits for the thread. Returns false if already closed. */
    boolean closeAndDrain() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Override
    public void close() {
        closeAndDrain();
    }
}
