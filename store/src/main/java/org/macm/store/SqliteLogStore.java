package org.macm.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.macm.core.MacmException;
import org.macm.core.log.EntryDraft;
import org.macm.core.log.EntryHash;
import org.macm.core.log.Head;
import org.macm.core.log.LinkId;
import org.macm.core.log.LogId;
import org.macm.core.log.MalformedEntryException;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;
import org.sqlite.SQLiteConfig;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}, so a commit
 * returns only after its WAL frames are fsynced.
 *
 * <p>All writes go through one writer thread. It takes whatever writes are queued (up to
 * {@link #MAX_BATCH}), applies them in one transaction and commits once: that is group
 * commit, many entries for one fsync. An own-log append assigns seq and prev under that
 * log's lock and queues the signed entry in the same critical section, so the queue holds
 * each log's entries in chain order; the writer still re-checks every chain against what is
 * durable before it inserts. If a commit fails (disk full, read-only file), the transaction
 * is rolled back, every write in it and every queued write that chained onto it fails with
 * the same clear error, and the in-memory heads are dropped so the next append starts again
 * from what is durable.
 *
 * <p>A lock file next to the database keeps a second process off the same store.
 */
public final class SqliteLogStore implements LogStore {
    /** The most writes one transaction takes. */
    public static final int MAX_BATCH = 1024;
    /** How often the WAL is copied back into the database file (see WalCheckpointer). */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    /** Commits in a row that found writes already waiting, after which the writer counts as busy. */
    static final int BUSY_COMMITS = 4;
    /** How long a busy writer lets writes gather before it commits (see writeLoop). */
    static final long GROUP_WINDOW_NANOS = 500_000;
    /** Entries of each log kept in memory for readers that follow its head: a sender's largest frame and more. */
    static final int TAIL_ENTRIES = 4096;

    private final Path file;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final Connection writeConnection;
    private final Connection readConnection;
    private final WalCheckpointer checkpointer;
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Map<LogId, ReentrantLock> logLocks = new ConcurrentHashMap<>();
    /** Own logs: head including entries queued but not yet durable. Guarded by the log lock. */
    private final Map<LogId, Head> pendingHeads = new ConcurrentHashMap<>();
    /**
     * Durable heads. Only the writer thread puts and removes (after a commit, or when it first
     * looks a log up); {@link #head} reads them so that the link's frequent head lookups
     * touch no database.
     */
    private final Map<LogId, Head> durableHeads = new ConcurrentHashMap<>();
    /** The newest durable entries of each log; only the writer thread appends. */
    private final Map<LogId, LogTail> tails = new ConcurrentHashMap<>();
    private final Thread writer;
    /** Owned by the writer thread. */
    private PreparedStatement insertStatement;
    /** Owned by the writer thread: prepared once, as they run for every commit. */
    private PreparedStatement beginStatement;
    private PreparedStatement commitStatement;
    /** Writers enqueue under the read side; close takes the write side, so nothing is queued after it. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private final LongAdder commits = new LongAdder();
    private final LongAdder committedWrites = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    /** Set by the writer when a commit fails, cleared by the next one that succeeds. */
    private final AtomicReference<Failure> failure = new AtomicReference<>();

    /** How group commit is doing: transactions, the writes they carried, time spent in them. */
    public record CommitStats(long commits, long writes, long nanos) {
        public double writesPerCommit() {
            return commits == 0 ? 0 : (double) writes / commits;
        }

        public double microsPerCommit() {
            return commits == 0 ? 0 : nanos / 1e3 / commits;
        }
    }

    public CommitStats commitStats() {
        return new CommitStats(commits.sum(), committedWrites.sum(), commitNanos.sum());
    }

    private sealed interface Write permits OwnAppend, PeerStore {
    }

    /** An own-log append: queued in chain order as a draft, signed by its sender while it waits. */
    private record OwnAppend(EntryDraft draft, CompletableFuture<SignedEntry> signed,
            CompletableFuture<SignedEntry> done) implements Write {
    }

    private record PeerStore(List<SignedEntry> entries, CompletableFuture<List<PeerOutcome>> done) implements Write {
    }

    private SqliteLogStore(Path file, Clock clock, FileChannel lockChannel, FileLock fileLock,
            Connection writeConnection, Connection readConnection, Connection checkpointConnection) {
        this.file = file;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
        this.writeConnection = writeConnection;
        this.readConnection = readConnection;
        this.checkpointer = new WalCheckpointer(checkpointConnection, CHECKPOINT_INTERVAL);
        this.writer = new Thread(this::writeLoop, "macm-store-writer");
        this.writer.setDaemon(true);
    }

    /** Opens (creating if absent) the store at {@code file}, bringing its schema up to date. */
    public static SqliteLogStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static SqliteLogStore open(Path file, Clock clock) {
        Path absolute = file.toAbsolutePath();
        Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
        FileChannel channel = null;
        Connection write = null;
        Connection read = null;
        Connection checkpoint = null;
        try {
            Path parent = absolute.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new StoreException("cannot open store " + absolute + ": folder " + parent + " does not exist");
            }
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new StoreException("store " + absolute + " is in use by another station process: stop it first "
                        + "(one process per store)");
            }
            write = connect(absolute);
            Migrations.apply(write);
            requireWritable(write);
            execute(write, "PRAGMA wal_autocheckpoint=0"); // see WalCheckpointer
            read = connect(absolute);
            checkpoint = connect(absolute);
            SqliteLogStore store = new SqliteLogStore(absolute, clock, channel, lock, write, read, checkpoint);
            store.writer.start();
            store.checkpointer.start();
            return store;
        } catch (SQLException e) {
            closeQuietly(checkpoint, null, null);
            closeQuietly(read, write, channel);
            throw SqliteErrors.translate(e, absolute, "open the store");
        } catch (IOException e) {
            closeQuietly(checkpoint, null, null);
            closeQuietly(read, write, channel);
            throw new StoreException("cannot open store " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(checkpoint, null, null);
            closeQuietly(read, write, channel);
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

    /**
     * Transactions are begun and ended by explicit statements rather than JDBC's auto-commit
     * switch: after SQLITE_FULL SQLite may already have rolled back on its own, and the driver's
     * idea of an open transaction would then let later statements run outside any transaction.
     */
    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Takes and drops the write lock, so a read-only store is refused at open, not at the first send. */
    private static void requireWritable(Connection c) throws SQLException {
        execute(c, "BEGIN IMMEDIATE");
        execute(c, "ROLLBACK");
    }

    public Path file() {
        return file;
    }

    @Override
    public SignedEntry append(LogId log, EntryFactory factory) {
        try {
            return appendAsync(log, factory).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof MacmException m) {
                throw m;
            }
            throw new StoreException("append to " + log + " failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public CompletableFuture<SignedEntry> appendAsync(LogId log, EntryFactory factory) {
        Objects.requireNonNull(factory, "factory");
        ReentrantLock lock = logLocks.computeIfAbsent(log, l -> new ReentrantLock());
        OwnAppend op = enqueue(log, factory, lock);
        try {
            op.signed().complete(op.draft().sign());
        } catch (RuntimeException e) {
            op.signed().completeExceptionally(e);
        }
        return op.done();
    }

    private OwnAppend enqueue(LogId log, EntryFactory factory, ReentrantLock lock) {
        OwnAppend op;
        lock.lock();
        lifecycle.readLock().lock();
        try {
            requireOpen();
            Head head = pendingHeads.get(log);
            if (head == null) {
                head = readHead(log);
            }
            EntryDraft draft = factory.next(head);
            if (!draft.log().equals(log) || draft.seq() != head.seq() + 1 || !draft.entry().prev().equals(head.hash())) {
                throw new StoreException("entry factory for " + log + " returned " + draft + " which does not follow "
                        + head);
            }
            op = new OwnAppend(draft, new CompletableFuture<>(), new CompletableFuture<>());
            queue.add(op);
            pendingHeads.put(log, draft.head());
        } finally {
            lifecycle.readLock().unlock();
            lock.unlock();
        }
        return op;
    }

    @Override
    public List<PeerOutcome> storePeer(List<SignedEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        CompletableFuture<List<PeerOutcome>> done = new CompletableFuture<>();
        lifecycle.readLock().lock();
        try {
            requireOpen();
            queue.add(new PeerStore(List.copyOf(entries), done));
        } finally {
            lifecycle.readLock().unlock();
        }
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof MacmException m) {
                throw m;
            }
            throw new StoreException("storing peer entries failed: " + e.getCause(), e.getCause());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreException("store " + file + " is closed");
        }
    }

    // ---- writer thread -------------------------------------------------------------------

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
            checkpointer.finishOn(writeConnection);
        }
        // Closed: nothing more can be queued, so finish what is there.
        while (!queue.isEmpty()) {
            batch.clear();
            queue.drainTo(batch, MAX_BATCH);
            commitBatch(batch);
        }
    }

    private void commitBatch(List<Write> batch) {
        Map<LogId, Head> tentative = new HashMap<>();
        List<SignedEntry> inserted = new ArrayList<>(batch.size());
        List<Runnable> completions = new ArrayList<>(batch.size());
        Set<LogId> brokenOwnLogs = new HashSet<>();
        long now = clock.millis();
        long started = System.nanoTime();
        try {
            if (beginStatement == null) {
                beginStatement = writeConnection.prepareStatement("BEGIN IMMEDIATE");
                commitStatement = writeConnection.prepareStatement("COMMIT");
            }
            beginStatement.execute();
            for (Write w : batch) {
                switch (w) {
                    case OwnAppend a -> {
                        SignedEntry e = signed(a);
                        Head head = headOf(a.draft().log(), tentative);
                        if (e == null || e.seq() != head.seq() + 1 || !e.entry().prev().equals(head.hash())) {
                            brokenOwnLogs.add(a.draft().log());
                            StoreException ex = e == null
                                    ? new StoreException("append to " + a.draft().log() + " failed: the entry could not "
                                            + "be signed; retry the send")
                                    : new StoreException("append to " + e.log() + " refused: entry seq " + e.seq()
                                            + " does not follow the durable head " + head
                                            + " (an earlier append failed); retry the send");
                            completions.add(() -> a.done().completeExceptionally(ex));
                        } else {
                            insert(e, now);
                            inserted.add(e);
                            tentative.put(e.log(), e.head());
                            completions.add(() -> a.done().complete(e));
                        }
                    }
                    case PeerStore p -> {
                        List<PeerOutcome> outcomes = new ArrayList<>(p.entries().size());
                        for (SignedEntry e : p.entries()) {
                            outcomes.add(storeOnePeer(e, tentative, inserted, now));
                        }
                        completions.add(() -> p.done().complete(outcomes));
                    }
                }
            }
            commitStatement.execute();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            // A statement that failed mid-step (disk full) is not reused: the next commit prepares anew.
            closeQuietly(beginStatement, commitStatement, null);
            beginStatement = null;
            commitStatement = null;
            StoreException failure = e instanceof SQLException sql
                    ? SqliteErrors.translate(sql, file, "store entries")
                    : e instanceof StoreException se ? se : new StoreException("cannot store entries in " + file + ": " + e, e);
            Instant since = clock.instant();
            this.failure.updateAndGet(f -> new Failure(failure.getMessage(), f == null ? since : f.since()));
            Set<LogId> ownLogs = new HashSet<>();
            for (Write w : batch) {
                if (w instanceof OwnAppend a) {
                    ownLogs.add(a.draft().log());
                }
                fail(w, failure);
            }
            resetOwnLogs(ownLogs, failure);
            return;
        }
        failure.set(null);
        commits.increment();
        committedWrites.add(batch.size());
        commitNanos.add(System.nanoTime() - started);
        // Tails and heads before completions: whoever learns that a write is durable can read it.
        for (SignedEntry e : inserted) {
            tails.computeIfAbsent(e.log(), l -> new LogTail(TAIL_ENTRIES)).append(e);
        }
        durableHeads.putAll(tentative);
        completions.forEach(Runnable::run);
        if (!brokenOwnLogs.isEmpty()) {
            resetOwnLogs(brokenOwnLogs, new StoreException("an earlier append to this log failed; retry the send"));
        }
    }

    /** Waits for the sender to sign its draft (it is doing so now); null if signing failed. */
    private static SignedEntry signed(OwnAppend a) {
        try {
            return a.signed().join();
        } catch (CompletionException e) {
            return null;
        }
    }

    private PeerOutcome storeOnePeer(SignedEntry e, Map<LogId, Head> tentative, List<SignedEntry> inserted, long now)
            throws SQLException {
        Head head = headOf(e.log(), tentative);
        if (e.seq() <= head.seq()) {
            EntryHash held = storedHash(e.log(), e.seq());
            if (held.equals(e.hash())) {
                return PeerOutcome.DUPLICATE;
            }
            recordEquivocation(e, now);
            return PeerOutcome.EQUIVOCATION;
        }
        if (e.seq() > head.seq() + 1) {
            return PeerOutcome.GAP;
        }
        if (!e.entry().prev().equals(head.hash())) {
            return PeerOutcome.CHAIN_BROKEN;
        }
        insert(e, now);
        inserted.add(e);
        tentative.put(e.log(), e.head());
        return PeerOutcome.STORED;
    }

    /** Drops queued appends and cached heads of logs whose chain broke, under each log's lock. */
    private void resetOwnLogs(Set<LogId> logs, StoreException cause) {
        for (LogId log : logs) {
            ReentrantLock lock = logLocks.computeIfAbsent(log, l -> new ReentrantLock());
            lock.lock();
            try {
                queue.removeIf(w -> {
                    if (w instanceof OwnAppend a && a.draft().log().equals(log)) {
                        a.done().completeExceptionally(cause);
                        return true;
                    }
                    return false;
                });
                pendingHeads.remove(log);
                durableHeads.remove(log);
            } finally {
                lock.unlock();
            }
        }
    }

    private static void fail(Write w, StoreException failure) {
        switch (w) {
            case OwnAppend a -> a.done().completeExceptionally(failure);
            case PeerStore p -> p.done().completeExceptionally(failure);
        }
    }

    private Head headOf(LogId log, Map<LogId, Head> tentative) throws SQLException {
        Head h = tentative.get(log);
        if (h != null) {
            return h;
        }
        h = durableHeads.get(log);
        if (h != null) {
            return h;
        }
        h = queryHead(writeConnection, log);
        durableHeads.put(log, h);
        return h;
    }

    private void insert(SignedEntry e, long now) throws SQLException {
        if (insertStatement == null) {
            // Prepared once: the writer thread inserts every entry through it.
            insertStatement = writeConnection.prepareStatement(
                    "INSERT INTO entry (link, author, seq, hash, bytes, signature, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        }
        PreparedStatement s = insertStatement;
        s.setString(1, e.log().link().toString());
        s.setString(2, e.log().author().toString());
        s.setLong(3, e.seq());
        s.setBytes(4, e.hash().toBytes());
        s.setBytes(5, e.bytes());
        s.setBytes(6, e.signature());
        s.setLong(7, now);
        s.executeUpdate();
    }

    private EntryHash storedHash(LogId log, long seq) throws SQLException {
        try (PreparedStatement s = writeConnection.prepareStatement(
                "SELECT hash FROM entry WHERE link = ? AND author = ? AND seq = ?")) {
            bindLog(s, log);
            s.setLong(3, seq);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("store " + file + " lacks " + log + " seq " + seq + " below its head");
                }
                return EntryHash.fromBytes(rs.getBytes(1));
            }
        }
    }

    private void recordEquivocation(SignedEntry e, long now) throws SQLException {
        try (PreparedStatement s = writeConnection.prepareStatement(
                "INSERT OR IGNORE INTO equivocation (link, author, seq, hash, bytes, signature, detected_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindLog(s, e.log());
            s.setLong(3, e.seq());
            s.setBytes(4, e.hash().toBytes());
            s.setBytes(5, e.bytes());
            s.setBytes(6, e.signature());
            s.setLong(7, now);
            s.executeUpdate();
        }
    }

    private void rollbackQuietly() {
        try {
            execute(writeConnection, "ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may have rolled back already (it does on SQLITE_FULL); nothing is left open either way.
        }
    }

    // ---- reads ---------------------------------------------------------------------------

    private Head readHead(LogId log) {
        synchronized (readConnection) {
            try {
                return queryHead(readConnection, log);
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, file, "read the head of " + log);
            }
        }
    }

    private static Head queryHead(Connection c, LogId log) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT seq, hash FROM entry WHERE link = ? AND author = ? ORDER BY seq DESC LIMIT 1")) {
            bindLog(s, log);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), EntryHash.fromBytes(rs.getBytes(2))) : Head.EMPTY;
            }
        }
    }

    @Override
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public Head head(LogId log) {
        requireOpen();
        Head h = durableHeads.get(log);
        return h != null ? h : readHead(log);
    }

    @Override
    public List<SignedEntry> read(LogId log, long fromSeq, int max) {
        requireOpen();
        LogTail tail = tails.get(log);
        if (tail != null) {
            Optional<List<SignedEntry>> recent = tail.read(fromSeq, max);
            if (recent.isPresent()) {
                return recent.get();
            }
        }
        synchronized (readConnection) {
            try (PreparedStatement s = readConnection.prepareStatement(
                    "SELECT seq, bytes, signature FROM entry WHERE link = ? AND author = ? AND seq >= ? "
                            + "ORDER BY seq LIMIT ?")) {
                bindLog(s, log);
                s.setLong(3, fromSeq);
                s.setInt(4, max);
                List<SignedEntry> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(parseStored(log, rs.getLong(1), rs.getBytes(2), rs.getBytes(3)));
                    }
                }
                return out;
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

    private SignedEntry parseStored(LogId log, long seq, byte[] bytes, byte[] signature) {
        try {
            SignedEntry e = SignedEntry.parse(bytes, signature);
            if (!e.log().equals(log) || e.seq() != seq) {
                throw new StoreException("store " + file + " is corrupt: the row for " + log + " seq " + seq
                        + " holds " + e + ". Restore the store from a backup.");
            }
            return e;
        } catch (MalformedEntryException ex) {
            throw new StoreException("store " + file + " is corrupt: " + log + " seq " + seq + " is unreadable ("
                    + ex.getMessage() + "). Restore the store from a backup.", ex);
        }
    }

    @Override
    public List<LogId> logs() {
        requireOpen();
        synchronized (readConnection) {
            try (PreparedStatement s = readConnection.prepareStatement(
                    "SELECT DISTINCT link, author FROM entry ORDER BY link, author");
                    ResultSet rs = s.executeQuery()) {
                List<LogId> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new LogId(LinkId.parse(rs.getString(1)), StationId.of(rs.getString(2))));
                }
                return out;
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, file, "list logs");
            }
        }
    }

    @Override
    public List<Equivocation> equivocations(LogId log) {
        requireOpen();
        synchronized (readConnection) {
            try (PreparedStatement s = readConnection.prepareStatement(
                    "SELECT seq, bytes, signature, detected_at FROM equivocation WHERE link = ? AND author = ? ORDER BY id")) {
                bindLog(s, log);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getLong(4)});
                    }
                }
                List<Equivocation> out = new ArrayList<>();
                for (Object[] r : rows) {
                    long seq = (Long) r[0];
                    SignedEntry stored = readOneLocked(log, seq);
                    SignedEntry conflicting = SignedEntry.parse((byte[]) r[1], (byte[]) r[2]);
                    out.add(new Equivocation(stored, conflicting, Instant.ofEpochMilli((Long) r[3])));
                }
                return out;
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, file, "read equivocation evidence");
            }
        }
    }

    private SignedEntry readOneLocked(LogId log, long seq) throws SQLException {
        try (PreparedStatement s = readConnection.prepareStatement(
                "SELECT bytes, signature FROM entry WHERE link = ? AND author = ? AND seq = ?")) {
            bindLog(s, log);
            s.setLong(3, seq);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("store " + file + " is corrupt: equivocation evidence names " + log
                            + " seq " + seq + ", which is not stored");
                }
                return parseStored(log, seq, rs.getBytes(1), rs.getBytes(2));
            }
        }
    }

    private static void bindLog(PreparedStatement s, LogId log) throws SQLException {
        s.setString(1, log.link().toString());
        s.setString(2, log.author().toString());
    }

    // ---- lifecycle -----------------------------------------------------------------------

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpointer.close();
        closeQuietly(insertStatement, beginStatement, commitStatement);
        closeQuietly(readConnection, writeConnection, null);
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases the lock as well.
        }
        closeQuietly(null, null, lockChannel);
    }

    private static void closeQuietly(AutoCloseable read, AutoCloseable write, AutoCloseable channel) {
        for (AutoCloseable c : new AutoCloseable[] {read, write, channel}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // Closing is best effort; each part is closed even when another fails.
                }
            }
        }
    }
}
