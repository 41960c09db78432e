package org.macm.store;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.macm.core.MacmException;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;

/**
 * What the SQLite and the PostgreSQL store share, which is all of the semantics: one
 * {@link GroupCommitWriter} (group commit, the chain rules of {@link ChainCheck}, receipts in
 * the commit of what they name), the {@link DurableCache} of heads and recent entries, and the
 * routing of every read. A subclass only opens its engine and hands over a {@link WriteSession}
 * for the writer and {@link Readers} for the rest, then closes what it opened.
 */
public abstract sealed class JdbcLogStore implements LogStore permits SqliteLogStore, PostgresLogStore {
    /** The most writes one transaction takes. */
    public static final int MAX_BATCH = GroupCommitWriter.MAX_BATCH;
    /** Entries of each log kept in memory for readers that follow its head: a sender's largest frame and more. */
    static final int TAIL_ENTRIES = 4096;

    private final DurableCache cache = new DurableCache(TAIL_ENTRIES);
    private final Readers readers;
    private final GroupCommitWriter writer;

    JdbcLogStore(WriteSession session, Readers readers, Clock clock) {
        this.readers = readers;
        this.writer = new GroupCommitWriter(session, clock, cache, this::readHead);
    }

    /** Starts the writer; called once by the opener, when every part is open. */
    final void startWriter() {
        writer.start();
    }

    /** How group commit is doing (the same figures for both engines). */
    public final CommitStats commitStats() {
        return writer.stats();
    }

    @Override
    public final void observeCommits(CommitObserver observer) {
        writer.observe(observer);
    }

    @Override
    public final SignedEntry append(LogId log, EntryFactory factory) {
        return await(appendAsync(log, factory), "append to " + log);
    }

    @Override
    public final CompletableFuture<SignedEntry> appendAsync(LogId log, EntryFactory factory) {
        return writer.append(log, factory);
    }

    @Override
    public final List<IntakeOutcome> storePeer(List<SignedEntry> entries, List<IntakeFinding> findings) {
        if (entries.isEmpty() && findings.isEmpty()) {
            return List.of();
        }
        return await(writer.storePeer(entries, findings), "storing peer entries");
    }

    @Override
    public final PeerStored storePeer(List<SignedEntry> entries, List<IntakeFinding> findings, LogId ownLog,
            ReceiptFactory receipts) {
        return await(storePeerAsync(entries, findings, ownLog, receipts), "storing peer entries");
    }

    @Override
    public final CompletableFuture<PeerStored> storePeerAsync(List<SignedEntry> entries, List<IntakeFinding> findings,
            LogId ownLog, ReceiptFactory receipts) {
        return writer.storePeer(entries, findings, ownLog, receipts);
    }

    /** Stores rows copied from another store, with their stored times, and waits until they are durable. */
    final void importRows(List<StoredEntry> entries, List<Equivocation> equivocations, List<IntakeFinding> findings) {
        await(writer.importRows(entries, equivocations, findings), "copying entries");
    }

    /**
     * Waits for the writer. Its error is thrown anew from here, with the same message and the
     * writer's as its cause, so that the trace shows the caller that waited, not only the writer.
     */
    private static <T> T await(CompletableFuture<T> done, String what) {
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException s) {
                throw new StoreException(s.getMessage(), s);
            }
            if (e.getCause() instanceof MacmException m) {
                throw m;
            }
            throw new StoreException(what + " failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public final Optional<Failure> failure() {
        return writer.failure();
    }

    @Override
    public final Head head(LogId log) {
        writer.requireOpen();
        return cache.head(log).orElseGet(() -> readHead(log));
    }

    private Head readHead(LogId log) {
        return readers.read("read the head of " + log, t -> t.head(log));
    }

    @Override
    public final List<SignedEntry> read(LogId log, long fromSeq, int max) {
        writer.requireOpen();
        Optional<List<SignedEntry>> recent = cache.recent(log, fromSeq, max);
        if (recent.isPresent()) {
            return recent.get();
        }
        return readers.read("read " + log, t -> t.read(log, fromSeq, max));
    }

    @Override
    public final Optional<SignedEntry> get(LogId log, long seq) {
        List<SignedEntry> one = read(log, seq, 1);
        return one.isEmpty() || one.get(0).seq() != seq ? Optional.empty() : Optional.of(one.get(0));
    }

    @Override
    public final Optional<Instant> storedAt(LogId log, long seq) {
        writer.requireOpen();
        return readers.read("read when " + log + " seq " + seq + " was stored", t -> t.storedAt(log, seq));
    }

    @Override
    public final List<LogId> logs() {
        writer.requireOpen();
        return readers.read("list logs", EntryTable::logs);
    }

    @Override
    public final List<IntakeFinding> findings(LogId log) {
        writer.requireOpen();
        return readers.read("read intake findings", t -> t.findings(log));
    }

    @Override
    public final List<Equivocation> equivocations(LogId log) {
        writer.requireOpen();
        return readers.read("read equivocation evidence", t -> t.equivocations(log));
    }

    /** Entries with their stored times, read from the database (never the cache): what a copy moves and checks. */
    final List<StoredEntry> readStored(LogId log, long fromSeq, int max) {
        writer.requireOpen();
        return readers.read("read " + log, t -> t.readStored(log, fromSeq, max));
    }

    /** Every log named by an entry, an equivocation or an intake finding (a finding may name a log with no entry). */
    final List<LogId> everyLog() {
        writer.requireOpen();
        return readers.read("list logs", t -> {
            Set<LogId> out = new LinkedHashSet<>();
            for (String table : List.of("entry", "equivocation", "intake_finding")) {
                out.addAll(t.logsIn(table));
            }
            return List.copyOf(out);
        });
    }

    /** Whether the store holds nothing at all. */
    final boolean isEmpty() {
        writer.requireOpen();
        return readers.read("check that the store is empty", EntryTable::isEmpty);
    }

    /** Refuses new writes, commits those queued, then closes the engine's parts. Idempotent. */
    @Override
    public final void close() {
        if (writer.closeAndDrain()) {
            closeEngine();
        }
    }

    /** Closes what the subclass opened (connections, pool, lock), after the writer has finished. */
    abstract void closeEngine();
}
