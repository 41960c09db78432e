package org.macm.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.macm.core.log.Body;
import org.macm.core.log.Head;
import org.macm.core.log.LogId;
import org.macm.core.log.SignedEntry;
import org.macm.store.GroupCommitWriter.Import;
import org.macm.store.GroupCommitWriter.OwnAppend;
import org.macm.store.GroupCommitWriter.PeerStore;

/**
 * One group commit's writes, applied inside its transaction by the rules every store shares:
 * each own entry must follow its log's head and state only what is held, each peer entry goes
 * through {@link ChainCheck}. It keeps what the commit will change (the heads, the entries for
 * the cache) and what to tell each waiting caller, which the writer does only once the commit
 * is durable; if the commit fails, all of it is dropped.
 */
final class BatchTransaction {
    private final EntryTable table;
    private final DurableCache cache;
    private final long now;
    /** Heads as this transaction has moved them. */
    final Map<LogId, Head> tentative = new HashMap<>();
    /** Entries inserted, in order, for the cache. */
    final List<SignedEntry> inserted = new ArrayList<>();
    /** What to tell the callers once the commit is durable, in order. */
    final List<Runnable> completions = new ArrayList<>();
    /** Own logs whose chain an append refused here broke: the writer restarts them from what is durable. */
    final Set<LogId> brokenOwnLogs = new HashSet<>();

    BatchTransaction(EntryTable table, DurableCache cache, long now) {
        this.table = table;
        this.cache = cache;
        this.now = now;
    }

    void apply(GroupCommitWriter.Write w) throws SQLException {
        switch (w) {
            case OwnAppend a -> applyOwn(a);
            case PeerStore p -> {
                List<IntakeOutcome> outcomes = new ArrayList<>(p.entries().size());
                for (SignedEntry e : p.entries()) {
                    outcomes.add(applyPeer(e));
                }
                for (IntakeFinding f : p.findings()) {
                    table.recordFinding(f);
                }
                if (p.receipt().isPresent()) {
                    applyOwn(p.receipt().get());
                }
                // After the receipt's own completion, which the list runs first.
                completions.add(() -> p.done().complete(stored(outcomes, p.receipt())));
            }
            case Import i -> applyImport(i);
        }
    }

    private void applyOwn(OwnAppend a) throws SQLException {
        SignedEntry e = signed(a);
        Head head = headOf(a.draft().log());
        if (e != null && ChainCheck.follows(head, e.seq(), e.entry().prev()) && !statesOnlyHeld(e)) {
            // Appends queued after it chain onto it: the log starts again from what is durable,
            // as after any refused append.
            brokenOwnLogs.add(e.log());
            StoreException ex = new StoreException("append to " + e.log() + " refused: entry seq " + e.seq()
                    + " says this station holds " + e.log().opposite() + " up to a seq it does not hold"
                    + " (peerHead " + e.entry().peerHead() + "); a receipt may name only what is stored");
            completions.add(() -> a.done().completeExceptionally(ex));
            return;
        }
        if (e == null || !ChainCheck.follows(head, e.seq(), e.entry().prev())) {
            brokenOwnLogs.add(a.draft().log());
            StoreException ex = e == null
                    ? new StoreException("append to " + a.draft().log() + " failed: the entry could not "
                            + "be signed; retry the send")
                    : new StoreException("append to " + e.log() + " refused: entry seq " + e.seq()
                            + " does not follow the durable head " + head
                            + " (an earlier append failed); retry the send");
            completions.add(() -> a.done().completeExceptionally(ex));
            return;
        }
        table.insert(e, now);
        inserted.add(e);
        tentative.put(e.log(), e.head());
        completions.add(() -> a.done().complete(e));
    }

    /**
     * Whether everything {@code e} says this station holds of the peer's log (its peerHead and,
     * for a receipt, what it covers) is stored, durably or in this commit: the rule that a
     * receipt never names an entry a crash could lose, checked where the commit is made.
     */
    private boolean statesOnlyHeld(SignedEntry e) throws SQLException {
        LogId peerLog = e.log().opposite();
        if (!holds(peerLog, e.entry().peerHead())) {
            return false;
        }
        return !(e.entry().body() instanceof Body.Receipt r) || holds(peerLog, r.upTo());
    }

    private boolean holds(LogId log, Head stated) throws SQLException {
        if (stated.seq() == 0) {
            return true;
        }
        Head head = headOf(log);
        if (stated.seq() >= head.seq()) {
            return stated.equals(head);
        }
        Optional<List<SignedEntry>> recent = cache.recent(log, stated.seq(), 1);
        if (recent.isPresent() && !recent.get().isEmpty() && recent.get().get(0).seq() == stated.seq()) {
            return recent.get().get(0).hash().equals(stated.hash());
        }
        // Below the head, so stored (durably or earlier in this transaction, which this connection sees).
        return table.storedHash(log, stated.seq()).equals(stated.hash());
    }

    /** The outcomes, and the receipt if its append went through (it has completed by now, one way or the other). */
    private static PeerStored stored(List<IntakeOutcome> outcomes, Optional<OwnAppend> receipt) {
        if (receipt.isEmpty()) {
            return new PeerStored(outcomes, Optional.empty(), Optional.empty());
        }
        CompletableFuture<SignedEntry> done = receipt.get().done();
        try {
            return new PeerStored(outcomes, Optional.of(done.join()), Optional.empty());
        } catch (CompletionException e) {
            return new PeerStored(outcomes, Optional.empty(), Optional.of(e.getCause().getMessage()));
        }
    }

    private IntakeOutcome applyPeer(SignedEntry e) throws SQLException {
        IntakeOutcome outcome = ChainCheck.peerEntry(e, headOf(e.log()), seq -> table.storedHash(e.log(), seq));
        switch (outcome) {
            case STORED -> {
                table.insert(e, now);
                inserted.add(e);
                tentative.put(e.log(), e.head());
            }
            case EQUIVOCATION -> table.recordEquivocation(e, now);
            default -> {
                // Nothing to write: a resend, or an entry refused until the chain before it is held.
            }
        }
        return outcome;
    }

    /**
     * Rows copied from another store, with the times that store kept: each entry must follow
     * its log's head here, or the whole commit fails (a copy never stores a broken chain).
     */
    private void applyImport(Import i) throws SQLException {
        for (StoredEntry s : i.entries()) {
            SignedEntry e = s.entry();
            Head head = headOf(e.log());
            if (!ChainCheck.follows(head, e.seq(), e.entry().prev())) {
                throw new StoreException("cannot copy " + e.log() + " seq " + e.seq() + ": it does not follow "
                        + head + " in the source store, so the source is damaged; nothing was copied in this step");
            }
            table.insert(e, s.storedAt().toEpochMilli());
            tentative.put(e.log(), e.head());
        }
        for (Equivocation q : i.equivocations()) {
            table.recordEquivocation(q.conflicting(), q.detectedAt().toEpochMilli());
        }
        for (IntakeFinding f : i.findings()) {
            table.recordFinding(f);
        }
        completions.add(() -> i.done().complete(null));
    }

    /** Waits for the sender to sign its draft (it is doing so now); null if signing failed. */
    private static SignedEntry signed(OwnAppend a) {
        try {
            return a.signed().join();
        } catch (CompletionException e) {
            return null;
        }
    }

    private Head headOf(LogId log) throws SQLException {
        Head h = tentative.get(log);
        if (h != null) {
            return h;
        }
        Optional<Head> cached = cache.head(log);
        if (cached.isPresent()) {
            return cached.get();
        }
        h = table.head(log);
        cache.remember(log, h);
        return h;
    }
}
