package org.macm.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.macm.core.MacmException;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}, so a commit
 * returns only after its WAL frames are fsynced. This class only puts the parts together and
 * routes each call to the one that does the job:
 *
 * <ul>
 *   <li>{@link SqliteOpener} and {@link StoreLock}: opening the file, one process per store;
 *   <li>{@link GroupCommitWriter}: every write, on one thread, many entries for one fsync;
 *   <li>{@link ChainCheck}: the chain and equivocation rules of intake, shared with any other store;
 *   <li>{@link DurableCache}: durable heads and the newest entries of each log, in memory;
 *   <li>{@link EntryTable}: the SQL; {@link WalCheckpointer}: copying the WAL back.
 * </ul>
 */
public final class SqliteLogStore implements LogStore {
    /** The most writes one transaction takes. */
    public static final int MAX_BATCH = GroupCommitWriter.MAX_BATCH;
    /** How often the WAL is copied back into the database file (see WalCheckpointer). */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    /** Entries of each log kept in memory for readers that follow its head: a sender's largest frame and more. */
    static final int TAIL_ENTRIES = 4096;

    private final Path file;
    private final StoreLock lock;
    private final EntryTable writeTable;
    /** The readers' connection: one query at a time, under the table's monitor. */
    private final EntryTable readTable;
    private final WalCheckpointer checkpointer;
    private final DurableCache cache = new DurableCache(TAIL_ENTRIES);
    private final GroupCommitWriter writer;

    /** How group commit is doing: transactions, the writes they carried, time spent in them. */
    public record CommitStats(long commits, long writes, long nanos) {
        public double writesPerCommit() {
            return commits == 0 ? 0 : (double) writes / commits;
        }

        public double microsPerCommit() {
            return commits == 0 ? 0 : nanos / 1e3 / commits;
        }
    }

    SqliteLogStore(Path file, Clock clock, StoreLock lock, EntryTable writeTable, EntryTable readTable,
            WalCheckpointer checkpointer) {
        this.file = file;
        this.lock = lock;
        this.writeTable = writeTable;
        this.readTable = readTable;
        this.checkpointer = checkpointer;
        this.writer = new GroupCommitWriter(file, clock, writeTable, cache, checkpointer, this::readHead);
    }

    /** Opens (creating if absent) the store at {@code file}, bringing its schema up to date. */
    public static SqliteLogStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static SqliteLogStore open(Path file, Clock clock) {
        return SqliteOpener.open(file, clock);
    }

    /** Starts the writer and the checkpointer; called once by the opener. */
    SqliteLogStore start() {
        writer.start();
        checkpointer.start();
        return this;
    }

    public Path file() {
        return file;
    }

    public CommitStats commitStats() {
        return writer.stats();
    }

    @Override
    public void observeCommits(CommitObserver observer) {
        writer.observe(observer);
    }

    @Override
    public SignedEntry append(LogId log, EntryFactory factory) {
        return await(appendAsync(log, factory), "append to " + log);
    }

    @Override
    public CompletableFuture<SignedEntry> appendAsync(LogId log, EntryFactory factory) {
        return writer.append(log, factory);
    }

    @Override
    public List<IntakeOutcome> storePeer(List<SignedEntry> entries, List<IntakeFinding> findings) {
        if (entries.isEmpty() && findings.isEmpty()) {
            return List.of();
        }
        return await(writer.storePeer(entries, findings), "storing peer entries");
    }

    @Override
    public PeerStored storePeer(List<SignedEntry> entries, List<IntakeFinding> findings, LogId ownLog,
            ReceiptFactory receipts) {
        return await(storePeerAsync(entries, findings, ownLog, receipts), "storing peer entries");
    }

    @Override
    public CompletableFuture<PeerStored> storePeerAsync(List<SignedEntry> entries, List<IntakeFinding> findings,
            LogId ownLog, ReceiptFactory receipts) {
        return writer.storePeer(entries, findings, ownLog, receipts);
    }

    @Override
    public List<IntakeFinding> findings(LogId log) {
        writer.requireOpen();
        synchronized (readTable) {
            try {
                return readTable.findings(log);
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, file, "read intake findings");
            }
        }
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
    public Optional<Failure> failure() {
        return writer.failure();
    }

    @Override
    public Head head(LogId log) {
        writer.requireOpen();
        return cache.head(log).orElseGet(() -> readHead(log));
    }

    private Head readHead(LogId log) {
        synchronized (readTable) {
            try {
                return readTable.head(log);
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, file, "read the head of " + log);
            }
        }
    }

    @Override
    public List<SignedEntry> read(LogId log, long fromSeq, int max) {
        writer.requireOpen();
        Optional<List<SignedEntry>> recent = cache.recent(log, fromSeq, max);
        if (recent.isPresent()) {
            return recent.get();
        }
        synchronized (readTable) {
            try {
                return readTable.read(log, fromSeq, max);
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, file, "read " + log);
            }
        }
    }

    @Override
    public Optional<SignedEntry> get(LogId log, long seq) {
        List<SignedEntry> one = read(log, seq, 1);
        return one.isEmpty() || one.get(0).seq() != seq ? Optional.empty() : Optional.of(one.get(0));
    }

    @Override
    public Optional<Instant> storedAt(LogId log, long seq) {
        writer.requireOpen();
        synchronized (readTable) {
            try {
                return readTable.storedAt(log, seq);
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, file, "read when " + log + " seq " + seq + " was stored");
            }
        }
    }

    @Override
    public List<LogId> logs() {
        writer.requireOpen();
        synchronized (readTable) {
            try {
                return readTable.logs();
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, file, "list logs");
            }
        }
    }

    @Override
    public List<Equivocation> equivocations(LogId log) {
        writer.requireOpen();
        synchronized (readTable) {
            try {
                return readTable.equivocations(log);
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, file, "read equivocation evidence");
            }
        }
    }

    /** Refuses new writes, commits those queued, then closes checkpointer, connections and lock, in that order. */
    @Override
    public void close() {
        if (!writer.closeAndDrain()) {
            return;
        }
        checkpointer.close();
        readTable.close();
        writeTable.close();
        lock.close();
    }
}
