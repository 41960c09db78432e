package org.macm.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;
import org.macm.core.log.StationId;

/**
 * The replicated store: a PostgreSQL database (skeleton; the real thing follows).
 */
@SuppressWarnings("DoNotCallSuggester") // a skeleton for the other helpers to compile against
public final class PostgresLogStore implements LogStore {
    private PostgresLogStore() {
    }

    /** Opens the store: checks synchronous_commit, migrates, starts the writer; see the class comment. */
    public static PostgresLogStore open(PostgresSettings s, StationId station, Clock clock, Optional<Fence> fence) {
        throw notYet();
    }

    /** Connects, checks synchronous_commit, applies migrations (incl. station_lease), disconnects. */
    public static void prepare(PostgresSettings s) {
        throw notYet();
    }

    public SqliteLogStore.CommitStats commitStats() {
        throw notYet();
    }

    /** Whether this store was fenced off (a newer epoch holds the lease): then every write fails. */
    public boolean deposed() {
        throw notYet();
    }

    @Override
    public SignedEntry append(LogId log, EntryFactory factory) {
        throw notYet();
    }

    @Override
    public CompletableFuture<SignedEntry> appendAsync(LogId log, EntryFactory factory) {
        throw notYet();
    }

    @Override
    public List<IntakeOutcome> storePeer(List<SignedEntry> entries, List<IntakeFinding> findings) {
        throw notYet();
    }

    @Override
    public PeerStored storePeer(List<SignedEntry> entries, List<IntakeFinding> findings, LogId ownLog,
            ReceiptFactory receipts) {
        throw notYet();
    }

    @Override
    public CompletableFuture<PeerStored> storePeerAsync(List<SignedEntry> entries, List<IntakeFinding> findings,
            LogId ownLog, ReceiptFactory receipts) {
        throw notYet();
    }

    @Override
    public Head head(LogId log) {
        throw notYet();
    }

    @Override
    public List<SignedEntry> read(LogId log, long fromSeq, int max) {
        throw notYet();
    }

    @Override
    public Optional<SignedEntry> get(LogId log, long seq) {
        throw notYet();
    }

    @Override
    public Optional<Instant> storedAt(LogId log, long seq) {
        throw notYet();
    }

    @Override
    public Optional<Failure> failure() {
        throw notYet();
    }

    @Override
    public List<LogId> logs() {
        throw notYet();
    }

    @Override
    public List<IntakeFinding> findings(LogId log) {
        throw notYet();
    }

    @Override
    public List<Equivocation> equivocations(LogId log) {
        throw notYet();
    }

    @Override
    public void close() {
    }

    private static UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("PostgreSQL store: skeleton, not implemented yet");
    }
}
